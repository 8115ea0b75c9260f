package io.jixiao.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.common.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;

/**
 * budget.events and indicator.events, each record applied exactly once and in partition order. A
 * rebuild holds {@link ReadModelGate} while it replays; these wait for it.
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
    public void budget(ConsumerRecord<String, String> record) {
        gate.whileOpen(() -> inbox.receive(record, projection));
    }

    @Incoming("indicator-events")
    @Blocking
    public void indicator(ConsumerRecord<String, String> record) {
        gate.whileOpen(() -> inbox.receive(record, projection));
    }
}
