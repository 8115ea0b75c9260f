package io.jixiao.indicator.messaging;

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
 * budget.events in partition order, each record applied exactly once, a poll's records in one
 * transaction (a commit per event would bound how many the service keeps up with).
 */
@ApplicationScoped
public class BudgetEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    LedgerProjection projection;

    @Incoming("budget-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        inbox.receiveBatch(batch, projection);
    }
}
