package io.jixiao.indicator.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.jixiao.common.inbox.EventInbox;
import io.jixiao.common.inbox.EventReceiver;

/**
 * budget.events in partition order (service-common's EventConsumers), each record applied exactly once, a
 * poll's records in one transaction (a commit per event would bound how many the service keeps up with).
 */
@ApplicationScoped
public class BudgetEventsConsumer implements EventReceiver {

    @Inject
    EventInbox inbox;

    @Inject
    LedgerProjection projection;

    @Override
    public void receive(String channel, List<ConsumerRecord<String, String>> records) {
        inbox.receiveBatch(records, projection);
    }
}
