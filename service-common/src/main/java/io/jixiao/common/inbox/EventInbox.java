package io.jixiao.common.inbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.jixiao.events.EventSchemas;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The consuming side of every service: reads a record as a CloudEvent, checks it against its schema,
 * and applies it exactly once. The event id is recorded in the same transaction as the effect, so a
 * redelivered event changes nothing. Unknown event types (and unknown fields) are tolerated; a
 * record that cannot be read, or breaks its schema, goes to the dead-letter topic. A failure of our
 * own (the database) is retried, and in the end rethrown so the record is not committed.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final List<Duration> RETRIES = List.of(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofSeconds(3), Duration.ofSeconds(5));

    @Inject
    EntityManager em;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry registry;

    /** What became of a record. */
    public enum Outcome { APPLIED, DUPLICATE, IGNORED_UNKNOWN_TYPE, DEAD_LETTERED }

    public Outcome receive(ConsumerRecord<String, String> record, EventHandler handler) {
        return receive(record, handler, true);
    }

    /**
     * A replay (rebuilding a read model) reads records that were dead-lettered the first time round:
     * they are skipped, not sent to the dead-letter topic again.
     */
    public Outcome replay(ConsumerRecord<String, String> record, EventHandler handler) {
        return receive(record, handler, false);
    }

    /**
     * A replay's batch: applies the records in the caller's transaction (one commit for many events),
     * each still recorded in the inbox. The caller falls back to {@link #replay} record by record if the
     * batch fails.
     */
    public Outcome replayInCurrentTransaction(ConsumerRecord<String, String> record, EventHandler handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(record);
        } catch (IncomingEvent.UnreadableEventException e) {
            return Outcome.DEAD_LETTERED;
        }
        if (!EventSchemas.instance().knows(event.type())) {
            return Outcome.IGNORED_UNKNOWN_TYPE;
        }
        if (!EventSchemas.instance().violations(event.type(), event.payload()).isEmpty()) {
            return Outcome.DEAD_LETTERED;
        }
        return applyOnce(event, handler);
    }

    private Outcome receive(ConsumerRecord<String, String> record, EventHandler handler, boolean deadLetter) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(record);
        } catch (IncomingEvent.UnreadableEventException e) {
            if (deadLetter) {
                deadLetters.send(record, e.getMessage());
            }
            return Outcome.DEAD_LETTERED;
        }
        if (!EventSchemas.instance().knows(event.type())) {
            LOG.debugf("ignoring event type %s (%s)", event.type(), event.id());
            count(event, Outcome.IGNORED_UNKNOWN_TYPE);
            return Outcome.IGNORED_UNKNOWN_TYPE;
        }
        List<String> violations = EventSchemas.instance().violations(event.type(), event.payload());
        if (!violations.isEmpty()) {
            if (deadLetter) {
                deadLetters.send(record, event.type() + " breaks its schema: " + String.join("; ", violations));
            }
            return Outcome.DEAD_LETTERED;
        }
        Outcome outcome = applyWithRetries(event, handler);
        count(event, outcome);
        return outcome;
    }

    private Outcome applyWithRetries(IncomingEvent event, EventHandler handler) {
        for (int attempt = 0;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(event, handler));
            } catch (RuntimeException e) {
                if (attempt >= RETRIES.size()) {
                    throw e;
                }
                LOG.warnf("applying %s %s failed (attempt %d), retrying: %s", event.type(), event.id(), attempt + 1, e);
                sleep(RETRIES.get(attempt));
            }
        }
    }

    private Outcome applyOnce(IncomingEvent event, EventHandler handler) {
        int first = em.createNativeQuery("""
                insert into processed_event (event_id, event_type, topic, processed_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .setParameter(3, event.topic())
                .setParameter(4, OffsetDateTime.now())
                .executeUpdate();
        if (first == 0) {
            return Outcome.DUPLICATE;
        }
        handler.apply(event);
        return Outcome.APPLIED;
    }

    private void count(IncomingEvent event, Outcome outcome) {
        registry.counter("jixiao.events.consumed", "topic", event.topic(), "outcome", outcome.name()).increment();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
