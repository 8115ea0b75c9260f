package io.jixiao.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.common.outbox.OutboxWriter;
import io.jixiao.common.security.Actor;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.events.EventTypes;

/**
 * What report-service publishes to report.events (schemas in event-contracts), through the outbox in the
 * transition's transaction: an accepted report closes its department-year to money writes, a reopening opens
 * it again (budget-service enforces both). Key: the department code and the year.
 */
@ApplicationScoped
public class ReportEvents {

    @Inject
    ObjectMapper json;

    @Inject
    OutboxWriter outbox;

    @Inject
    BusinessCalendar calendar;

    public void departmentYearClosed(String departmentCode, int fiscalYear, int version, Actor actor) {
        append(EventTypes.DEPARTMENT_YEAR_CLOSED, departmentCode, fiscalYear,
                header(departmentCode, fiscalYear, actor).put("version", version));
    }

    public void departmentYearReopened(String departmentCode, int fiscalYear, String reason, Actor actor) {
        append(EventTypes.DEPARTMENT_YEAR_REOPENED, departmentCode, fiscalYear,
                header(departmentCode, fiscalYear, actor).put("reason", reason));
    }

    private ObjectNode header(String departmentCode, int fiscalYear, Actor actor) {
        ObjectNode payload = json.createObjectNode().put("departmentCode", departmentCode).put("fiscalYear", fiscalYear)
                .put("businessDate", calendar.today().toString());
        payload.set("actor", actor.toJson(json));
        return payload;
    }

    private void append(String type, String departmentCode, int fiscalYear, ObjectNode payload) {
        String key = departmentCode + "/" + fiscalYear;
        outbox.append(type, key, "department-year/" + key, payload);
    }
}
