package io.jixiao.common.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.jixiao.common.problem.DatabaseOutOfReach;
import io.jixiao.events.EventJson;
import io.jixiao.events.EventSchemas;
import io.jixiao.events.EventTypes;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The consuming side of every service: reads a record as a CloudEvent, checks it against its schema and that it
 * came from the service that owns its type, and applies it exactly once. The event id is recorded in the same
 * transaction as the effect, so a redelivered event changes nothing. Unknown event types (and unknown fields)
 * are tolerated. An event about a subject not registered yet is parked and applied once it is; a record that
 * cannot be read, breaks its schema, came from elsewhere, or cannot be applied is dead-lettered ({@link HeldEvents}
 * and {@code <topic>.dlq}): never lost, never blocking its partition. A failure of our own database is retried,
 * and in the end rethrown so that the records are read again.
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

    @Inject
    HeldEvents held;

    /** What became of an event: the outcome tag of jixiao.events.consumed. */
    private enum Disposition { APPLIED, DUPLICATE, IGNORED_UNKNOWN_TYPE, PARKED, DEAD_LETTERED }

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

    /**
     * The second half of a batch: applies the admitted events, in their order, each once. A batch that registers a
     * subject whose events are parked is applied one by one, each parked event right after its subject's
     * registration, so that they land before the batch's later events of that subject.
     */
    public long applyAdmitted(List<IncomingEvent> events, EventHandler handler) {
        if (events.isEmpty()) {
            return 0;
        }
        Set<String> registered = new HashSet<>();
        events.forEach(event -> registered.addAll(handler.registers(event)));
        if (held.waitedFor(registered).isEmpty()) {
            try {
                List<IncomingEvent> applied = applyBatch(events, handler);
                registry.counter("jixiao.events.consumed", "topic", events.get(0).topic(), "outcome", Disposition.APPLIED.name())
                        .increment(applied.size());
                registry.counter("jixiao.events.consumed", "topic", events.get(0).topic(), "outcome",
                        Disposition.DUPLICATE.name()).increment(events.size() - applied.size());
                return applied.size();
            } catch (RuntimeException e) {
                LOG.debugf("a batch of %d events failed (%s): applying them one by one", events.size(), e.toString());
            }
        }
        long applied = 0;
        for (IncomingEvent event : events) {
            if (applyOneByOne(event, handler) == Disposition.APPLIED) {
                applied++;
            }
        }
        return applied;
    }

    /** One event in its own transaction; then, once it is applied, what was parked waiting for it. */
    private Disposition applyOneByOne(IncomingEvent event, EventHandler handler) {
        Disposition outcome = applyWithRetries(event, handler);
        count(event, outcome);
        if (outcome == Disposition.APPLIED) {
            for (String subject : held.waitedFor(handler.registers(event))) {
                unpark(subject, handler);
            }
        }
        return outcome;
    }

    /** The events parked for a subject, now registered, in the order they came. */
    private void unpark(String subject, EventHandler handler) {
        for (Map.Entry<UUID, ConsumerRecord<String, String>> parked : held.parkedFor(subject)) {
            IncomingEvent event = admit(parked.getValue(), false);
            if (event == null) {
                continue;
            }
            Disposition outcome = applyOneByOne(event, handler);
            if (outcome == Disposition.APPLIED || outcome == Disposition.DUPLICATE) {
                held.release(parked.getKey());
                LOG.infof("applied %s %s, parked until %s was registered", event.type(), event.id(), subject);
            }
        }
    }

    /**
     * Replays a held record (an admin's request, after the cause was mended): it is read and applied as if it had
     * just arrived, and no longer held if it was applied. Returns why it is still held, or empty.
     */
    public java.util.Optional<String> replay(UUID heldId, EventHandler handler) {
        ConsumerRecord<String, String> record = held.record(heldId)
                .orElseThrow(() -> io.jixiao.common.problem.ProblemException.notFound("held event " + heldId));
        IncomingEvent event = admit(record, true);
        if (event == null) {
            return java.util.Optional.of("it still cannot be read or checked; see its reason");
        }
        Disposition outcome = applyOneByOne(event, handler);
        if (outcome == Disposition.APPLIED || outcome == Disposition.DUPLICATE) {
            held.release(heldId);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(outcome == Disposition.PARKED ? "its subject is still not known" : "it still cannot be applied");
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

    /**
     * The event to apply, or null: unreadable, ill-schemed or not from its owner (dead-lettered when asked), or of
     * a type we do not know.
     */
    private IncomingEvent admit(ConsumerRecord<String, String> record, boolean deadLetter) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(record);
        } catch (IncomingEvent.UnreadableEventException e) {
            if (deadLetter) {
                deadLetter(record, null, e.getMessage());
            }
            return null;
        }
        if (!EventSchemas.instance().knows(event.type())) {
            LOG.debugf("ignoring event type %s (%s)", event.type(), event.id());
            count(event, Disposition.IGNORED_UNKNOWN_TYPE);
            return null;
        }
        // a type is taken only from the topic and the service that own it: anyone else's is a forgery or a mistake
        String topic = EventTypes.topicOf(event.type());
        String source = EventTypes.sourceOf(event.type());
        if (!topic.equals(record.topic()) || !source.equals(event.source())) {
            if (deadLetter) {
                deadLetter(record, event, event.type() + " belongs on " + topic + " from " + source + "; it came on "
                        + record.topic() + " from " + event.source());
            }
            return null;
        }
        List<String> violations = EventSchemas.instance().violations(event.type(), event.payload());
        if (!violations.isEmpty()) {
            if (deadLetter) {
                deadLetter(record, event, event.type() + " breaks its schema: " + String.join("; ", violations));
            }
            return null;
        }
        try {
            return event.withData(EventJson.read(event.payload(), EventTypes.payloadOf(event.type())));
        } catch (IllegalArgumentException e) {
            if (deadLetter) {
                deadLetter(record, event, e.getMessage());
            }
            return null;
        }
    }

    /** To the dead-letter topic and among the held events, with why: never silently dropped. */
    private void deadLetter(ConsumerRecord<String, String> record, IncomingEvent event, String reason) {
        deadLetters.send(record, reason);
        held.hold(record, HeldEvents.Status.DEAD_LETTERED, event, null, reason);
    }

    /**
     * Applies one event, trying again after a failure. An event about a subject not known yet is parked at once. One
     * that still fails is dead-lettered, unless the database was out of reach: that is ours to mend, so it is
     * rethrown and the records are read again.
     */
    private Disposition applyWithRetries(IncomingEvent event, EventHandler handler) {
        for (int attempt = 0;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(event, handler));
            } catch (RuntimeException e) {
                SubjectNotKnownYet unknown = cause(e, SubjectNotKnownYet.class);
                if (unknown != null) {
                    held.hold(event.record(), HeldEvents.Status.PARKED, event, unknown.subject(),
                            unknown.subject() + " is not known yet: applied once it is registered");
                    LOG.warnf("parked %s %s: %s is not known yet", event.type(), event.id(), unknown.subject());
                    return Disposition.PARKED;
                }
                if (attempt >= RETRIES.size()) {
                    if (DatabaseOutOfReach.causedBy(e)) {
                        throw e;
                    }
                    deadLetter(event.record(), event, "cannot be applied: " + describe(e));
                    return Disposition.DEAD_LETTERED;
                }
                LOG.warnf("applying %s %s failed (attempt %d), retrying: %s", event.type(), event.id(), attempt + 1, e);
                sleep(RETRIES.get(attempt));
            }
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost cause that says something, for the dead letter's reason. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }

    private Disposition applyOnce(IncomingEvent event, EventHandler handler) {
        return applyAllOnce(List.of(event), handler).isEmpty() ? Disposition.DUPLICATE : Disposition.APPLIED;
    }

    private void count(IncomingEvent event, Disposition outcome) {
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
