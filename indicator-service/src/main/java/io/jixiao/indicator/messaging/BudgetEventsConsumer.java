package io.jixiao.indicator.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.jixiao.common.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;

/** budget.events, one record at a time in partition order, each applied exactly once. */
@ApplicationScoped
public class BudgetEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    LedgerProjection projection;

    @Incoming("budget-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, projection);
    }
}
