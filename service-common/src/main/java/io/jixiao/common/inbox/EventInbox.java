package io.jixiao.common.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
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
    private static final int PARALLEL_FROM = 64;
    private static final List<Duration> RETRIES = List.of(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofSeconds(3), Duration.ofSeconds(5));

    @Inject
    EntityManager em;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry registry;

    /** What became of an event: the outcome tag of jixiao.events.consumed (dead letters have their own counter). */
    private enum Outcome { APPLIED, DUPLICATE, IGNORED_UNKNOWN_TYPE }

    /**
     * A poll's records at once, in one transaction: a commit per event is what bounds a consumer. Each
     * event is still recorded in the inbox with its effect, so a redelivered one changes nothing, and the
     * records are applied in their order. Unreadable and ill-schemed records are dead-lettered first, as
     * one by one. If the batch's transaction fails (an event the handler cannot apply, the database
     * gone for a moment), its records are applied one by one, each in its own transaction with retries:
     * a bad event costs its batch the speed, never the correctness.
     *
     * @return how many events were applied (not duplicates, ignored or dead-lettered)
     */
    public long receiveBatch(List<ConsumerRecord<String, String>> records, EventHandler handler) {
        return applyAdmitted(admitAll(records, true), handler);
    }

    /**
     * The first half of a replay's batch: reads and schema-checks the records (what was dead-lettered the
     * first time round is skipped). It needs nothing but the records, so a replay admits its next poll
     * while this one is applied ({@link #applyAdmitted}); in order, the two halves are what
     * {@link #receiveBatch} does without the dead letters.
     */
    public List<IncomingEvent> admitForReplay(List<ConsumerRecord<String, String>> records) {
        return admitAll(records, false);
    }

    private List<IncomingEvent> admitAll(List<ConsumerRecord<String, String>> records, boolean deadLetter) {
        // reading and schema-checking a record is most of a batch's work and needs nothing but the record:
        // large batches spread it over the cores (the stream keeps the records' order)
        return (records.size() >= PARALLEL_FROM ? records.parallelStream() : records.stream())
                .map(record -> admit(record, deadLetter)).filter(Objects::nonNull).toList();
    }

    /** The second half of a batch: applies the admitted events, in their order, each once. */
    public long applyAdmitted(List<IncomingEvent> events, EventHandler handler) {
        if (events.isEmpty()) {
            return 0;
        }
        try {
            List<IncomingEvent> applied = applyBatch(events, handler);
            registry.counter("jixiao.events.consumed", "topic", events.get(0).topic(), "outcome", Outcome.APPLIED.name())
                    .increment(applied.size());
            registry.counter("jixiao.events.consumed", "topic", events.get(0).topic(), "outcome", Outcome.DUPLICATE.name())
                    .increment(events.size() - applied.size());
            return applied.size();
        } catch (RuntimeException e) {
            LOG.warnf("a batch of %d events failed (%s): applying them one by one", events.size(), e.toString());
            long applied = 0;
            for (IncomingEvent event : events) {
                Outcome outcome = applyWithRetries(event, handler);
                count(event, outcome);
                if (outcome == Outcome.APPLIED) {
                    applied++;
                }
            }
            return applied;
        }
    }

    /**
     * Optimistic first: a batch rarely holds an event applied before (only a redelivery does), so its
     * events are applied and then recorded, and the record's time is when their effects are written,
     * just before the commit. If any had been recorded before, that transaction is rolled back and the
     * batch applied again, recording first.
     */
    private List<IncomingEvent> applyBatch(List<IncomingEvent> events, EventHandler handler) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyThenRecord(events, handler));
        } catch (RuntimeException e) {
            // rethrown as it is, or wrapped, depending on where the transaction runner caught it
            if (!(e instanceof SeenBefore) && !(e.getCause() instanceof SeenBefore)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> applyAllOnce(events, handler));
        }
    }

    private List<IncomingEvent> applyThenRecord(List<IncomingEvent> events, EventHandler handler) {
        Set<UUID> ids = new HashSet<>();
        List<IncomingEvent> distinct = events.stream().filter(event -> ids.add(event.id())).toList();
        handler.prepare(distinct);
        distinct.forEach(handler::apply);
        handler.applied(distinct);
        em.flush();
        if (claim(distinct).size() < distinct.size()) {
            throw new SeenBefore();
        }
        return distinct;
    }

    /** Some of a batch's events were applied before: its optimistic transaction must not commit. */
    private static final class SeenBefore extends RuntimeException {
        SeenBefore() {
            super("the batch holds events applied before", null, false, false);
        }
    }

    /**
     * Records the batch's event ids first, one statement for all; applies only the events whose id was
     * not there yet, once each. An id another consumer is recording at the same moment makes this one
     * wait for its commit and then count as already there, so no event is applied twice. The unique
     * index decides, not a query plan: a lookup first and an insert later would depend on table
     * statistics that a rebuild's truncate leaves stale.
     */
    private List<IncomingEvent> applyAllOnce(List<IncomingEvent> events, EventHandler handler) {
        Set<UUID> claimed = claim(events);
        List<IncomingEvent> fresh = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            if (claimed.remove(event.id())) {
                fresh.add(event);
            }
        }
        if (!fresh.isEmpty()) {
            handler.prepare(fresh);
            fresh.forEach(handler::apply);
            handler.applied(fresh);
        }
        return fresh;
    }

    /** Records the events' ids (processed_at: now) and returns those that were not recorded before. */
    private Set<UUID> claim(List<IncomingEvent> events) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> claimed = new HashSet<>();
            try (PreparedStatement st = connection.prepareStatement("""
                    insert into processed_event (event_id, event_type, topic, processed_at)
                    select id, type, topic, clock_timestamp() from unnest(?, ?, ?) as e(id, type, topic)
                    on conflict do nothing returning event_id""")) {
                st.setArray(1, connection.createArrayOf("uuid", events.stream().map(IncomingEvent::id).toArray()));
                st.setArray(2, connection.createArrayOf("varchar", events.stream().map(IncomingEvent::type).toArray()));
                st.setArray(3, connection.createArrayOf("varchar", events.stream().map(IncomingEvent::topic).toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return claimed;
        });
    }

    /** The event to apply, or null: unreadable or ill-schemed (dead-lettered when asked), or of a type we do not know. */
    private IncomingEvent admit(ConsumerRecord<String, String> record, boolean deadLetter) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(record);
        } catch (IncomingEvent.UnreadableEventException e) {
            if (deadLetter) {
                deadLetters.send(record, e.getMessage());
            }
            return null;
        }
        if (!EventSchemas.instance().knows(event.type())) {
            LOG.debugf("ignoring event type %s (%s)", event.type(), event.id());
            count(event, Outcome.IGNORED_UNKNOWN_TYPE);
            return null;
        }
        List<String> violations = EventSchemas.instance().violations(event.type(), event.payload());
        if (!violations.isEmpty()) {
            if (deadLetter) {
                deadLetters.send(record, event.type() + " breaks its schema: " + String.join("; ", violations));
            }
            return null;
        }
        return event;
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
        return applyAllOnce(List.of(event), handler).isEmpty() ? Outcome.DUPLICATE : Outcome.APPLIED;
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
