package io.jixiao.budget.messaging;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.jixiao.budget.ClosedDepartmentYear;
import io.jixiao.common.inbox.EventHandler;
import io.jixiao.common.inbox.EventInbox;
import io.jixiao.common.inbox.EventReceiver;
import io.jixiao.common.inbox.IncomingEvent;
import io.jixiao.events.report.DepartmentYearClosed;
import io.jixiao.events.report.DepartmentYearReopened;

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
        if (event.data() instanceof DepartmentYearClosed closedYear) {
            ClosedDepartmentYear.Key key = new ClosedDepartmentYear.Key(closedYear.departmentCode(),
                    closedYear.fiscalYear());
            ClosedDepartmentYear closed = ClosedDepartmentYear.findById(key);
            if (closed == null) {
                closed = new ClosedDepartmentYear();
                closed.departmentCode = key.departmentCode();
                closed.fiscalYear = key.fiscalYear();
            }
            closed.reportVersion = closedYear.version();
            closed.closedAt = event.time() == null ? OffsetDateTime.now() : event.time();
            closed.closedBy = closedYear.actor().subject();
            closed.persist();
        } else if (event.data() instanceof DepartmentYearReopened reopened) {
            ClosedDepartmentYear.deleteById(new ClosedDepartmentYear.Key(reopened.departmentCode(),
                    reopened.fiscalYear()));
        }
        // report-service's other events are not the ledger's concern
    }
}
