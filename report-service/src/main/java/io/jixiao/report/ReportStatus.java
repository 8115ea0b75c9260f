package io.jixiao.report;

/** The report's workflow: draft → submitted → returned | accepted → published. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    ACCEPTED,
    PUBLISHED
}
