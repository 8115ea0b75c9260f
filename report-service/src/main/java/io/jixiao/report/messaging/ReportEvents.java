package io.jixiao.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.jixiao.common.outbox.OutboxWriter;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;
import io.jixiao.events.report.DepartmentYearClosed;
import io.jixiao.events.report.DepartmentYearReopened;

/**
 * What report-service publishes to report.events (schemas in event-contracts), through the outbox in the
 * transition's transaction: an accepted report closes its department-year to money writes, a reopening opens
 * it again (budget-service enforces both). Key: the department code and the year.
 */
@ApplicationScoped
public class ReportEvents {

    @Inject
    OutboxWriter outbox;

    @Inject
    BusinessCalendar calendar;

    public void departmentYearClosed(String departmentCode, int fiscalYear, int version, Actor actor) {
        append(departmentCode, fiscalYear,
                new DepartmentYearClosed(departmentCode, fiscalYear, version, calendar.today(), actor));
    }

    public void departmentYearReopened(String departmentCode, int fiscalYear, String reason, Actor actor) {
        append(departmentCode, fiscalYear,
                new DepartmentYearReopened(departmentCode, fiscalYear, reason, calendar.today(), actor));
    }

    private void append(String departmentCode, int fiscalYear, EventPayload payload) {
        String key = departmentCode + "/" + fiscalYear;
        outbox.append(payload, key, "department-year/" + key);
    }
}
