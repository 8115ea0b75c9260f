package io.jixiao.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.common.jdbc.SqlValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The records a consumer holds instead of applying: {@link Status#PARKED} until the subject they are about is
 * registered, or {@link Status#DEAD_LETTERED} because they cannot be read or applied. Each is kept whole (topic,
 * partition, offset, key, headers, payload) with why, so that an admin can list it and replay it
 * ({@link HeldEventResource}); none is lost, none blocks its partition.
 */
@ApplicationScoped
public class HeldEvents {

    public enum Status { PARKED, DEAD_LETTERED }

    /** A held record as an admin sees it. */
    public record Held(UUID id, Status status, String topic, int partition, long offset, String key, String eventType,
            UUID eventId, String subject, String reason, int attempts, OffsetDateTime heldAt) {
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    void onStart(@Observes StartupEvent event) {
        for (Status status : Status.values()) {
            Gauge.builder("jixiao.events.held", this, held -> held.count(status)).tag("status", status.name())
                    .description("Events a consumer holds instead of applying: parked until their subject is known,"
                            + " or dead-lettered")
                    .register(registry);
        }
    }

    /**
     * Holds a record, in a transaction of its own: kept as it came, with why. The same record held again (it was
     * delivered again, or a replay failed) keeps one row and counts the attempt.
     */
    void hold(ConsumerRecord<String, String> record, Status status, IncomingEvent event, String subject, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        String capped = reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into held_event (id, status, topic, partition_no, record_offset, record_key, headers, payload,
                    event_id, event_type, subject, reason, attempts, held_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, now())
                on conflict (topic, partition_no, record_offset) do update
                  set status = excluded.status, subject = excluded.subject, reason = excluded.reason,
                      attempts = held_event.attempts + 1""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, status.name())
                .setParameter(3, record.topic())
                .setParameter(4, record.partition())
                .setParameter(5, record.offset())
                .setParameter(6, safe(record.key()))
                .setParameter(7, write(headers))
                .setParameter(8, safe(record.value()))
                .setParameter(9, event == null ? null : event.id())
                .setParameter(10, event == null ? safe(IncomingEvent.header(record, io.jixiao.events.CloudEventHeaders.TYPE))
                        : event.type())
                .setParameter(11, subject)
                .setParameter(12, capped)
                .executeUpdate());
    }

    /** Which of these subjects have events parked, waiting for them. */
    @SuppressWarnings("unchecked")
    List<String> waitedFor(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct subject from held_event where status = 'PARKED' and subject in (?1)")
                .setParameter(1, subjects).getResultList());
    }

    /** The events parked for a subject, in the order they came, as records to apply again. */
    List<Map.Entry<UUID, ConsumerRecord<String, String>>> parkedFor(String subject) {
        return records("status = 'PARKED' and subject = ?1", subject);
    }

    Optional<ConsumerRecord<String, String>> record(UUID id) {
        List<Map.Entry<UUID, ConsumerRecord<String, String>>> found = records("id = ?1", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getValue());
    }

    /** The held record was applied after all: it is no longer held. */
    void release(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from held_event where id = ?1")
                .setParameter(1, id).executeUpdate());
    }

    /** The held records, oldest first; of one status when given. */
    @SuppressWarnings("unchecked")
    public List<Held> list(Status status, int limit) {
        String statuses = status == null ? "'PARKED', 'DEAD_LETTERED'" : "'" + status.name() + "'";
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select id, status, topic, partition_no, record_offset, record_key, event_type, event_id, subject, reason,
                       attempts, held_at
                from held_event where status in (%s) order by held_at, topic, partition_no, record_offset
                limit ?1""".formatted(statuses)).setParameter(1, limit).getResultList());
        List<Held> held = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            held.add(new Held((UUID) r[0], Status.valueOf((String) r[1]), (String) r[2], ((Number) r[3]).intValue(),
                    ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (UUID) r[7], (String) r[8], (String) r[9],
                    ((Number) r[10]).intValue(), SqlValues.offsetDateTime(r[11])));
        }
        return held;
    }

    long count(Status status) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from held_event where status = ?1").setParameter(1, status.name()).getSingleResult())
                .longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Map.Entry<UUID, ConsumerRecord<String, String>>> records(String where, Object parameter) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id, topic, partition_no, record_offset, record_key, headers, payload from held_event where "
                        + where + " order by record_offset")
                .setParameter(1, parameter).getResultList());
        List<Map.Entry<UUID, ConsumerRecord<String, String>>> records = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>((String) r[1], ((Number) r[2]).intValue(),
                    ((Number) r[3]).longValue(), (String) r[4], (String) r[6]);
            read((String) r[5]).forEach((name, value) -> record.headers().add(new RecordHeader(name,
                    value.getBytes(StandardCharsets.UTF_8))));
            records.add(Map.entry((UUID) r[0], record));
        }
        return records;
    }

    /** Text PostgreSQL can store: a record that could not be read may hold anything. */
    private static String safe(String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }

    private String write(Map<String, String> headers) {
        try {
            return safe(json.writeValueAsString(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
