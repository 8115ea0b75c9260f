package io.jixiao.common.inbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.jixiao.common.kafka.KafkaClientProperties;
import io.jixiao.common.problem.ProblemException;
import io.smallrye.common.annotation.Identifier;

/**
 * Whether this service has applied every event a channel's topic held at a given moment: its consumer group's
 * committed offsets (committed only after a batch's effects) against the topic's end offsets then. A figure
 * computed from this service's view of another's data (indicator-service's score from its view of the
 * ledger) must not be computed while that view is behind.
 */
@ApplicationScoped
public class ConsumerCatchUp {

    private static final Duration ASK_WITHIN = Duration.ofSeconds(5);

    @Inject
    EventConsumerConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private Admin admin;

    /**
     * Returns once the channel's group has applied every record its topic holds now, waiting at most
     * {@code within}; refuses with 409 {@code events-not-caught-up} (how many events are still to apply) if it has
     * not by then, and with 503 if the broker cannot say.
     */
    public void awaitCaughtUp(String channel, Duration within, String whatWaits) {
        EventConsumerConfig.Channel consumed = config.channels().get(channel);
        if (consumed == null) {
            throw new IllegalArgumentException("no channel " + channel + " is configured");
        }
        String topic = consumed.topic();
        long deadline = System.nanoTime() + within.toNanos();
        try {
            Map<TopicPartition, Long> end = endOffsets(topic);
            while (true) {
                long behind = behind(end);
                if (behind == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(409, "events-not-caught-up", "Not caught up with the events",
                            applicationName + " has not yet applied " + behind + " event(s) of " + topic + " that " + whatWaits
                                    + " depends on; try again in a moment",
                            Map.of("topic", topic, "eventsBehind", behind));
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ProblemException(503, "events-unavailable", "Events unavailable",
                    "the event broker could not say whether " + applicationName + " has applied every event of " + topic
                            + " that " + whatWaits + " depends on; try again in a moment",
                    Map.of("topic", topic));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames()
                .get(ASK_WITHIN.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin().listOffsets(latest).all().get(ASK_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    /** Events of {@code end} the group has not committed yet. */
    private long behind(Map<TopicPartition, Long> end)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin()
                .listConsumerGroupOffsets(config.groupId().orElse(applicationName)).partitionsToOffsetAndMetadata()
                .get(ASK_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            OffsetAndMetadata at = committed.get(partition.getKey());
            behind += Math.max(0, partition.getValue() - (at == null ? 0 : at.offset()));
        }
        return behind;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = KafkaClientProperties.admin(kafkaConfig);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-catch-up");
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
