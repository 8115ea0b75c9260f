package io.jixiao.report.mapping;

import java.time.OffsetDateTime;

import io.jixiao.report.ReportStatus;

/** A report as the review queue lists it: whose, which year, where it is in its workflow and since when. */
public record ReportSummaryView(String departmentCode, String departmentName, int fiscalYear, ReportStatus status,
        int latestVersion, OffsetDateTime updatedAt) {
}
