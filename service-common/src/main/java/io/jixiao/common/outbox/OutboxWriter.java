package io.jixiao.common.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.common.tx.AfterCommit;
import io.jixiao.events.EventJson;
import io.jixiao.events.EventPayload;
import io.jixiao.events.EventSchemas;
import io.jixiao.events.EventTypes;

/**
 * Appends an event to the outbox inside the caller's transaction. The payload is checked against
 * its schema first: an event that breaks its contract is a bug, and the write fails with it.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventPayload payload, String partitionKey, String subject) {
        OutboxEvent event = prepare(payload, partitionKey, subject);
        event.persist();
        // the relay also polls; waking it on commit only makes the event visible sooner
        afterCommit.run(relay::wakeUp);
        return event.eventId;
    }

    /**
     * An outbox row checked against its schema but not yet written: for a writer that inserts many rows
     * itself in one statement (budget-service's group commit), and then calls {@link #committed()}.
     */
    public OutboxEvent prepare(EventPayload payload, String partitionKey, String subject) {
        String eventType = EventTypes.typeOf(payload);
        ObjectNode json = EventJson.write(payload);
        EventSchemas.instance().requireValid(eventType, json);
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.eventType = eventType;
        event.partitionKey = partitionKey;
        event.subject = subject;
        event.payload = json.toString();
        event.occurredAt = OffsetDateTime.now();
        return event;
    }

    /** Prepared events were committed by their writer: the relay may publish them now. */
    public void committed() {
        relay.wakeUp();
    }
}
