package io.jixiao.events.report;

import java.time.LocalDate;

import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;

/** jixiao.report.DepartmentYearReopened.v1: a finance reviewer reopened the year to money writes, for a reason. */
public record DepartmentYearReopened(String departmentCode, int fiscalYear, String reason, LocalDate businessDate,
        Actor actor) implements EventPayload {
}
