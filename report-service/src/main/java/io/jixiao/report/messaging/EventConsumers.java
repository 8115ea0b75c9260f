package io.jixiao.report.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.jixiao.common.inbox.EventInbox;
import io.jixiao.common.inbox.EventReceiver;

/**
 * budget.events and indicator.events (service-common's EventConsumers, a consumer per topic), each record
 * applied exactly once and in partition order, a poll's records in one transaction (one commit per event
 * would bound how many the service keeps up with). A rebuild holds {@link ReadModelGate} while it replays;
 * these wait for it.
 */
@ApplicationScoped
public class EventConsumers implements EventReceiver {

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelProjection projection;

    @Inject
    ReadModelGate gate;

    @Override
    public void receive(String channel, List<ConsumerRecord<String, String>> records) {
        gate.whileOpen(() -> inbox.receiveBatch(records, projection));
    }
}
