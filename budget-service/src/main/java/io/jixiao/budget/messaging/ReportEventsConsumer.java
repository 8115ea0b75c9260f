package io.jixiao.budget.messaging;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.budget.ClosedDepartmentYear;
import io.jixiao.common.inbox.EventHandler;
import io.jixiao.common.inbox.EventInbox;
import io.jixiao.common.inbox.EventReceiver;
import io.jixiao.common.inbox.IncomingEvent;
import io.jixiao.common.security.Actor;
import io.jixiao.events.EventTypes;

/**
 * report.events in (service-common's EventConsumers): which department-years an accepted report has closed to
 * money writes, and which a finance reviewer has reopened. Each event applied once, through the inbox.
 */
@ApplicationScoped
public class ReportEventsConsumer implements EventReceiver, EventHandler {

    @Inject
    EventInbox inbox;

    @Override
    public void receive(String channel, List<ConsumerRecord<String, String>> records) {
        inbox.receiveBatch(records, this);
    }

    @Override
    public void apply(IncomingEvent event) {
        JsonNode p = event.payload();
        ClosedDepartmentYear.Key key = new ClosedDepartmentYear.Key(p.get("departmentCode").asText(),
                p.get("fiscalYear").asInt());
        switch (event.type()) {
            case EventTypes.DEPARTMENT_YEAR_CLOSED -> {
                ClosedDepartmentYear closed = ClosedDepartmentYear.findById(key);
                if (closed == null) {
                    closed = new ClosedDepartmentYear();
                    closed.departmentCode = key.departmentCode();
                    closed.fiscalYear = key.fiscalYear();
                }
                closed.reportVersion = p.get("version").asInt();
                closed.closedAt = event.time() == null ? OffsetDateTime.now() : event.time();
                closed.closedBy = Actor.from(p.get("actor")).subject();
                closed.persist();
            }
            case EventTypes.DEPARTMENT_YEAR_REOPENED -> ClosedDepartmentYear.deleteById(key);
            default -> {
                // report-service's other events are not the ledger's concern
            }
        }
    }
}
