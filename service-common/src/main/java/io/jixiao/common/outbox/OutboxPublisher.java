package io.jixiao.common.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.jixiao.common.kafka.KafkaClientProperties;
import io.jixiao.events.CloudEventHeaders;
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
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /** Replaced when it does not settle in time, so the next pass, on whichever thread, sees the new one. */
    private volatile KafkaProducer<String, String> producer;


    /**
     * What one pass did: how many rows it published, whether rows are left that it had no time or room for
     * (the relay goes straight on), and whether the broker failed it.
     */
    public record PassResult(int published, boolean moreWaiting, boolean lockHeldElsewhere, Exception failure) {
        boolean failed() {
            return failure != null;
        }
    }

    @PostConstruct
    void createProducer() {
        producer = newProducer();
    }

    private KafkaProducer<String, String> newProducer() {
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
        return new KafkaProducer<>(props);
    }

    @PreDestroy
    void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Publishes up to one batch, in one plain JDBC transaction (the lock, one read of the batch, one update
     * marking what the broker acknowledged): no entity is loaded or tracked per row. Never throws for a
     * broker failure: it reports it in the result; a database failure is thrown, nothing marked.
     */
    public PassResult publishBatch() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                PassResult pass = publishBatch(connection);
                connection.commit();
                return pass;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay pass failed in the database: " + e.getMessage(), e);
        }
    }

    private PassResult publishBatch(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new PassResult(0, false, true, null);
                }
            }
        }
        List<OutboxEvent> batch = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("""
                select position, event_id, event_type, subject, partition_key, payload, occurred_at
                from outbox_event where published_at is null order by position limit ?""")) {
            read.setInt(1, config.batchSize());
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    OutboxEvent event = new OutboxEvent();
                    event.position = rs.getLong(1);
                    event.eventId = rs.getObject(2, UUID.class);
                    event.eventType = rs.getString(3);
                    event.subject = rs.getString(4);
                    event.partitionKey = rs.getString(5);
                    event.payload = rs.getString(6);
                    event.occurredAt = rs.getObject(7, OffsetDateTime.class);
                    batch.add(event);
                }
            }
        }
        if (batch.isEmpty()) {
            return new PassResult(0, false, false, null);
        }
        return sendAndMark(connection, batch);
    }

    /**
     * Sends the batch in waves: each wave holds the next record of every partition key, and the next
     * wave starts only once the broker has acknowledged this one. A record of a project is therefore
     * never on its way while an earlier one of the same project could still fail: whatever happens to
     * the broker, a project's events land in commit order. Different projects go out together.
     *
     * <p>Every wait is bounded: no new wave starts after one send timeout, a wave's acknowledgements are
     * awaited for at most one more, and after a failure the records still on their way are awaited for at
     * most one more again. A slow but working broker therefore ends the pass early with the rest left for
     * the next one, and a producer that does not settle in time is replaced rather than waited on.
     */
    private PassResult sendAndMark(Connection connection, List<OutboxEvent> batch) throws SQLException {
        Map<String, ArrayDeque<OutboxEvent>> byKey = new LinkedHashMap<>();
        for (OutboxEvent event : batch) {
            byKey.computeIfAbsent(event.partitionKey, k -> new ArrayDeque<>()).add(event);
        }
        KafkaProducer<String, String> sender = producer;
        List<Long> acknowledged = new ArrayList<>(batch.size());
        InFlightRecords unsettled = new InFlightRecords();
        Exception failure = null;
        long timeout = config.sendTimeout().toNanos();
        long lastWaveStart = System.nanoTime() + timeout;
        while (!byKey.isEmpty() && failure == null && System.nanoTime() < lastWaveStart) {
            List<OutboxEvent> wave = new ArrayList<>(byKey.size());
            byKey.values().forEach(queue -> wave.add(queue.peek()));
            List<Future<RecordMetadata>> acks = new ArrayList<>(wave.size());
            for (OutboxEvent event : wave) {
                try {
                    acks.add(sender.send(toRecord(event)));
                } catch (RuntimeException e) {
                    // no metadata within max.block.ms (the broker is away), or the producer is closed or fenced
                    failure = e;
                    break;
                }
            }
            long waveDeadline = System.nanoTime() + timeout;
            for (int i = 0; i < acks.size(); i++) {
                OutboxEvent event = wave.get(i);
                if (failure instanceof InterruptedException) {
                    unsettled.add(event.position, acks.get(i));
                    continue;
                }
                try {
                    acks.get(i).get(Math.max(1, waveDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(event.position);
                    ArrayDeque<OutboxEvent> queue = byKey.get(event.partitionKey);
                    queue.poll();
                    if (queue.isEmpty()) {
                        byKey.remove(event.partitionKey);
                    }
                } catch (InterruptedException e) {
                    // an interrupt is not a broker failure, but this pass stops waiting and says so
                    Thread.currentThread().interrupt();
                    failure = e;
                    unsettled.add(event.position, acks.get(i));
                } catch (ExecutionException | TimeoutException e) {
                    // this key stops here for this pass; what the broker took is marked, the rest goes next pass
                    failure = failure == null ? e : failure;
                    unsettled.add(event.position, acks.get(i));
                }
            }
        }
        if (!unsettled.isEmpty()) {
            // nothing of this pass may still be on its way when the next pass sends; what the broker took
            // meanwhile was delivered, and is marked with the rest so that it is not sent again
            acknowledged.addAll(settleOrReplace(sender, unsettled));
        }
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "update outbox_event set published_at = ? where position = any(?)")) {
                mark.setObject(1, OffsetDateTime.now());
                mark.setArray(2, connection.createArrayOf("bigint", acknowledged.toArray()));
                mark.executeUpdate();
            }
        }
        if (failure != null) {
            LOG.debugf("relay pass: %d of %d acknowledged; %s", acknowledged.size(), batch.size(), failure);
        }
        boolean moreWaiting = failure == null && (!byKey.isEmpty() || batch.size() == config.batchSize());
        return new PassResult(acknowledged.size(), moreWaiting, false, failure);
    }

    /**
     * Settles the records the pass stopped waiting for, within one send timeout ({@link InFlightRecords}),
     * and returns the positions the broker acknowledged after all. The producer's delivery timeout should
     * give every record an outcome well within that; if it did not, the producer is wedged and is closed
     * (aborting what it still holds) and replaced, so that the next pass starts clean. A record it may still
     * have delivered is sent again with the same event id, which consumers deduplicate.
     */
    private List<Long> settleOrReplace(KafkaProducer<String, String> sender, InFlightRecords unsettled) {
        InFlightRecords.Settled settled = unsettled.settle(config.sendTimeout());
        if (settled.withoutOutcome() > 0) {
            LOG.warnf("outbox relay: %d record(s) still without an outcome after %s; replacing the Kafka producer",
                    settled.withoutOutcome(), config.sendTimeout());
            producer = newProducer();
            sender.close(Duration.ZERO);
        }
        return settled.delivered();
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from outbox_event where published_at is null");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the outbox backlog: " + e.getMessage(), e);
        }
    }
}
