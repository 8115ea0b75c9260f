package io.jixiao.common.outbox;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.jixiao.common.kafka.KafkaClientProperties;
import io.jixiao.events.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;

/**
 * One relay pass: takes the oldest unpublished outbox rows, sends them to Kafka as CloudEvents
 * (binary mode), waits for the broker's acknowledgements and marks what was acknowledged.
 *
 * <p>Only one instance of the service publishes at a time: the pass runs under a PostgreSQL
 * advisory lock held by its transaction, so with several replicas no event is sent twice by two
 * instances at once and per-project order holds. A row is marked only after its acknowledgement, in
 * the same transaction that holds the lock; if the process dies between the two, the row is sent again
 * with the same {@code ce_id}, which consumers deduplicate.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    /** Arbitrary but fixed: the advisory lock (per database, so per service) that makes one relay at a time publish. */
    public static final long RELAY_LOCK = 0x6a69_7861_6f01L;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private KafkaProducer<String, String> producer;


    /** What one pass did: how many rows it published, and whether the broker failed it. */
    public record PassResult(int published, boolean lockHeldElsewhere, Exception failure) {
        boolean failed() {
            return failure != null;
        }
    }

    @PostConstruct
    void createProducer() {
        Map<String, Object> props = KafkaClientProperties.producer(kafkaConfig);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // idempotent producer: no duplicates from its own retries, and no reordering within a partition
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        long timeout = config.sendTimeout().toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout / 2 - 10));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        producer = new KafkaProducer<>(props);
    }

    @PreDestroy
    void closeProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Publishes up to one batch. Never throws for a broker failure: it reports it in the result. */
    public PassResult publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK)
                    .getSingleResult();
            if (!locked) {
                return new PassResult(0, true, null);
            }
            List<OutboxEvent> batch = em.createQuery(
                    "from OutboxEvent where publishedAt is null order by position", OutboxEvent.class)
                    .setMaxResults(config.batchSize())
                    .getResultList();
            if (batch.isEmpty()) {
                return new PassResult(0, false, null);
            }
            return sendAndMark(batch);
        });
    }

    /**
     * Sends the batch in waves: each wave holds the next record of every partition key, and the next
     * wave starts only once the broker has acknowledged this one. A record of a project is therefore
     * never on its way while an earlier one of the same project could still fail: whatever happens to
     * the broker, a project's events land in commit order. Different projects go out together.
     */
    private PassResult sendAndMark(List<OutboxEvent> batch) {
        java.util.Map<String, java.util.ArrayDeque<OutboxEvent>> byKey = new java.util.LinkedHashMap<>();
        for (OutboxEvent event : batch) {
            byKey.computeIfAbsent(event.partitionKey, k -> new java.util.ArrayDeque<>()).add(event);
        }
        List<Long> acknowledged = new ArrayList<>(batch.size());
        Exception failure = null;
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        while (!byKey.isEmpty() && failure == null) {
            List<OutboxEvent> wave = new ArrayList<>(byKey.size());
            byKey.values().forEach(queue -> wave.add(queue.peek()));
            List<Future<RecordMetadata>> acks = new ArrayList<>(wave.size());
            for (OutboxEvent event : wave) {
                try {
                    acks.add(producer.send(toRecord(event)));
                } catch (RuntimeException e) {
                    // no metadata within max.block.ms: the broker is away
                    failure = e;
                    break;
                }
            }
            for (int i = 0; i < acks.size(); i++) {
                OutboxEvent event = wave.get(i);
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(event.position);
                    java.util.ArrayDeque<OutboxEvent> queue = byKey.get(event.partitionKey);
                    queue.poll();
                    if (queue.isEmpty()) {
                        byKey.remove(event.partitionKey);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    // this key stops here for this pass; what the broker took is marked, the rest goes next pass
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            // nothing of this pass may still be on its way when the next pass sends: wait it out
            producer.flush();
        }
        if (!acknowledged.isEmpty()) {
            em.createQuery("update OutboxEvent set publishedAt = ?1 where position in ?2")
                    .setParameter(1, java.time.OffsetDateTime.now())
                    .setParameter(2, acknowledged)
                    .executeUpdate();
        }
        if (failure != null) {
            LOG.debugf("relay pass: %d of %d acknowledged; %s", acknowledged.size(), batch.size(), failure);
        }
        return new PassResult(acknowledged.size(), false, failure);
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(config.topic(), event.partitionKey, event.payload);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, event.eventId.toString());
        header(record, CloudEventHeaders.TYPE, event.eventType);
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.SUBJECT, event.subject);
        header(record, CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt.toInstant().atOffset(ZoneOffset.UTC)));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Unpublished rows, for the backlog gauge. */
    public long countBacklog() {
        return QuarkusTransaction.requiringNew().call(() -> (Long) em
                .createQuery("select count(e) from OutboxEvent e where e.publishedAt is null").getSingleResult());
    }
}
