package io.jixiao.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.common.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;

/**
 * budget.events and indicator.events, each record applied exactly once and in partition order, a
 * poll's records in one transaction (one commit per event would bound how many the service keeps up
 * with). A rebuild holds {@link ReadModelGate} while it replays; these wait for it.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelProjection projection;

    @Inject
    ReadModelGate gate;

    @Incoming("budget-events")
    @Blocking
    public void budget(ConsumerRecords<String, String> records) {
        apply(records);
    }

    @Incoming("indicator-events")
    @Blocking
    public void indicator(ConsumerRecords<String, String> records) {
        apply(records);
    }

    private void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        gate.whileOpen(() -> inbox.receiveBatch(batch, projection));
    }
}
