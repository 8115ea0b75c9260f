package io.jixiao.events.report;

import java.time.LocalDate;

import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;

/** jixiao.report.DepartmentYearClosed.v1: report version {@code version} accepted; the year takes no more money. */
public record DepartmentYearClosed(String departmentCode, int fiscalYear, int version, LocalDate businessDate,
        Actor actor) implements EventPayload {
}
