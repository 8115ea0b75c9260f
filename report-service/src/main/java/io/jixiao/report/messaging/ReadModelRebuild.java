package io.jixiao.report.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.jixiao.common.inbox.EventConsumerConfig;
import io.jixiao.common.inbox.EventInbox;
import io.jixiao.common.inbox.IncomingEvent;
import io.jixiao.common.kafka.KafkaClientProperties;
import io.jixiao.report.config.ReadModelRebuildConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;

/**
 * Drops the read model and replays budget.events and indicator.events from their beginning up to
 * where they end now, through the same projection: the same events give the same state. Live
 * consumption waits at the {@link ReadModelGate} meanwhile and resumes after (what the replay already
 * applied it recognises as duplicates). The department's narrative and the report workflow are not
 * part of the read model and are left alone.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    @Inject
    EntityManager em;

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelProjection projection;

    @Inject
    ReadModelGate gate;

    @Inject
    ReadModelRebuildConfig config;

    /** The live consumers' channels: a rebuild replays exactly their topics. */
    @Inject
    EventConsumerConfig consumers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    public record Result(long events, long applied, long skipped, long millis) {
    }

    public Result rebuild() {
        return gate.exclusively(this::replay);
    }

    private Result replay() {
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("select empty_read_model()").getSingleResult());
        long events = 0;
        long applied = 0;
        long appliedWhenAnalyzed = 0;
        // Admitting a poll (parsing and schema checks, CPU) and applying it (mostly waiting on PostgreSQL)
        // overlap: the next poll is admitted on its own thread while this one is applied here, so the
        // cores PostgreSQL leaves idle during an apply admit the next batch. Batches are still applied
        // one at a time, in poll order.
        ExecutorService admitter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-admit");
            thread.setDaemon(true);
            return thread;
        });
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : consumers.channels().values().stream().map(EventConsumerConfig.Channel::topic).toList()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> e.getValue() == 0);
            Future<List<IncomingEvent>> admitting = null;
            while (!end.isEmpty()) {
                List<ConsumerRecord<String, String>> batch = pollUpToEnd(consumer, end);
                events += batch.size();
                Future<List<IncomingEvent>> next = admitter.submit(() -> inbox.admitForReplay(batch));
                if (admitting != null) {
                    applied += inbox.applyAdmitted(admitted(admitting), projection);
                }
                admitting = next;
                if (applied >= Math.max(2 * appliedWhenAnalyzed, config.pollRecords())) {
                    analyze();
                    appliedWhenAnalyzed = applied;
                }
            }
            if (admitting != null) {
                applied += inbox.applyAdmitted(admitted(admitting), projection);
            }
            analyze();
        } finally {
            admitter.shutdownNow();
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof("read model rebuilt from %d events (%d applied) in %d ms", events, applied, millis);
        return new Result(events, applied, events - applied, millis);
    }

    /**
     * Brings the tables' statistics up to date each time the rebuild has doubled what they hold, and at its
     * end. The truncate leaves PostgreSQL's planner believing they are empty, and the statements it
     * prepares then keep their plans until the statistics change: finding a batch's projects and lines by
     * id went on scanning whole tables (16 ms a query once they held the bench's city; 2 ms with current
     * statistics). Autovacuum would analyze them, but it may be off, and a rebuild should not depend on it;
     * the live consumers' statements are planned again too.
     */
    private void analyze() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("select analyze_read_model()").getSingleResult());
    }

    /**
     * One poll's records, leaving out those at or past where each partition ended when the rebuild began;
     * a partition read up to that end is taken out of {@code end}, and the rebuild stops once none is left.
     */
    private static List<ConsumerRecord<String, String>> pollUpToEnd(KafkaConsumer<String, String> consumer,
            Map<TopicPartition, Long> end) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            Long stop = end.get(tp);
            if (stop == null || record.offset() >= stop) {
                continue;
            }
            batch.add(record);
            if (record.offset() + 1 >= stop) {
                end.remove(tp);
            }
        }
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        return batch;
    }

    private static List<IncomingEvent> admitted(Future<List<IncomingEvent>> admitting) {
        try {
            return admitting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("read-model rebuild interrupted", e);
        } catch (ExecutionException e) {
            // admitting never fails for a bad record (it skips it): this is a bug, rethrown as it is
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = KafkaClientProperties.consumer(kafkaConfig);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.pollRecords());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }
}
