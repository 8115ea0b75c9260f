package io.jixiao.report.mapping;

import java.time.OffsetDateTime;

import io.jixiao.report.ReportStatus;
import io.jixiao.report.ReportVersion;

/** A frozen version: its number, who submitted it when, and (for the latest) the report's status. */
public record VersionView(String departmentCode, int fiscalYear, int number, OffsetDateTime submittedAt,
        String submittedBy, ReportStatus status) {

    public static VersionView of(ReportVersion v, ReportStatus status) {
        return new VersionView(v.departmentCode, v.fiscalYear, v.number, v.submittedAt, v.submittedBy, status);
    }
}
