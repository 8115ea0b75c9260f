package io.jixiao.common.outbox;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
        Map<String, Object> props = new HashMap<>(kafkaConfig);
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
        props.keySet().removeIf(key -> !ProducerConfig.configNames().contains(key)
                && !key.startsWith("sasl.") && !key.startsWith("ssl.") && !key.equals("security.protocol"));
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

    private PassResult sendAndMark(List<OutboxEvent> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        Exception failure = null;
        try {
            for (OutboxEvent event : batch) {
                acks.add(producer.send(toRecord(event)));
            }
        } catch (RuntimeException e) {
            // metadata unavailable for max.block.ms: the broker is away; what was handed over is still awaited
            failure = e;
        }
        List<Long> acknowledged = new ArrayList<>(acks.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).position);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            } catch (Exception e) {
                // the idempotent producer never lets a later record of a partition land before a failed one,
                // so the acknowledged rows can be marked whatever failed around them
                failure = failure == null ? e : failure;
            }
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
