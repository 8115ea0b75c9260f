package io.jixiao.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The channel's loop against Kafka's MockConsumer, for failures a real broker gives only by chance: a poll,
 * a commit or a subscription that throws, a batch the database fails. The same against a real broker,
 * stalled and slowed: indicator-service's ConsumerRecoveryTest.
 */
class ChannelConsumerTest {

    private static final String TOPIC = "budget.events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private ChannelConsumer channel;
    private Thread thread;

    /**
     * A MockConsumer that can fail its next polls or commits, assigns partition 0 when subscribed, and (as a
     * broker does, and MockConsumer does not) gives its records again after a seek back.
     */
    final class Client extends MockConsumer<String, String> {
        final List<ConsumerRecord<String, String>> log = new CopyOnWriteArrayList<>();
        final AtomicInteger failPolls = new AtomicInteger();
        final AtomicInteger failCommits = new AtomicInteger();
        volatile RuntimeException pollFailure = new TimeoutException("Timeout of 2000ms expired before the last"
                + " committed offset for partitions [budget.events-0] could be determined");
        final List<Map<TopicPartition, OffsetAndMetadata>> committed = new CopyOnWriteArrayList<>();

        Client() {
            super("earliest");
            updateBeginningOffsets(Map.of(P0, 0L));
        }

        @Override
        public synchronized void subscribe(Collection<String> topics) {
            super.subscribe(topics);
            rebalance(List.of(P0));
        }

        @Override
        public synchronized ConsumerRecords<String, String> poll(Duration timeout) {
            if (failPolls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw pollFailure;
            }
            return super.poll(Duration.ofMillis(10));
        }

        @Override
        public synchronized void addRecord(ConsumerRecord<String, String> record) {
            log.add(record);
            super.addRecord(record);
        }

        @Override
        public synchronized void seek(TopicPartition partition, long offset) {
            super.seek(partition, offset);
            log.stream().filter(r -> r.offset() >= offset).forEach(super::addRecord);
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (failCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new TimeoutException("Timeout of 2000ms expired before successfully committing offsets");
            }
            super.commitSync(offsets);
            committed.add(offsets);
        }
    }

    private void start(EventReceiver receiver, Client... given) {
        List<Client> supply = new ArrayList<>(List.of(given));
        channel = new ChannelConsumer("budget-events", TOPIC, () -> {
            Client client = supply.isEmpty() ? new Client() : supply.remove(0);
            clients.add(client);
            return client;
        }, receiver, config(Duration.ofSeconds(60)), ChannelConsumer.ChannelMetrics.NONE);
        thread = new Thread(channel, "test-channel");
        thread.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.stop();
        thread.join(5_000);
        assertFalse(thread.isAlive(), "the channel stops when asked");
    }

    @Test
    void pollsThatTimeOutArePausedOverAndTheChannelGoesOn() {
        Client client = new Client();
        client.failPolls.set(2);
        start(recordValues(), client);
        awaitApplied(client, "a");
        assertEquals(List.of("a"), applied);
        assertNull(channel.status().failingSince(), "recovered");
        assertEquals(1, clients.size(), "two failures in a row keep the client");
    }

    @Test
    void afterThreeBrokerFailuresInARowTheClientIsReplacedAndResumesFromTheCommittedOffset() {
        Client first = new Client();
        start(recordValues(), first);
        awaitApplied(first, "a");
        first.failPolls.set(Integer.MAX_VALUE);
        await(() -> clients.size() == 2, "a new client after three failures");
        Client second = clients.get(1);
        await(() -> second.subscription().contains(TOPIC), "the new client subscribes");
        // the new client reads on (MockConsumer has no group: the real broker's resumption is ConsumerRecoveryTest's)
        second.schedulePollTask(() -> {
            second.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "k", "b"));
        });
        await(() -> applied.contains("b"), "the new client's record applied");
        assertEquals(List.of("a", "b"), applied);
    }

    @Test
    void aCommitThatTimesOutIsNotAFailureAndLosesNothing() {
        Client client = new Client();
        client.failCommits.set(1);
        start(recordValues(), client);
        awaitApplied(client, "a");
        client.schedulePollTask(() -> client.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "k", "b")));
        await(() -> client.committed.stream().anyMatch(c -> c.get(P0).offset() == 2), "the next commit covers both");
        assertEquals(List.of("a", "b"), applied);
        assertNull(channel.status().failingSince());
    }

    @Test
    void aBatchTheDatabaseFailsIsReadAgainAndAppliedOnceItWorks() {
        AtomicInteger databaseDownFor = new AtomicInteger(2);
        Client client = new Client();
        start((name, records) -> {
            if (databaseDownFor.getAndDecrement() > 0) {
                throw new IllegalStateException("the database is away");
            }
            records.forEach(r -> applied.add(r.value()));
        }, client);
        client.schedulePollTask(() -> client.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "k", "a")));
        await(() -> applied.contains("a"), "applied on the third attempt");
        assertEquals(List.of("a"), applied);
        await(() -> client.committed.stream().anyMatch(c -> c.get(P0).offset() == 1), "committed after it was applied");
    }

    @Test
    void aFailureRetryingCannotMendIsReportedAtOnceAndStillRetried() {
        Client client = new Client();
        client.pollFailure = new TopicAuthorizationException("not authorized to read budget.events");
        client.failPolls.set(1);
        start(recordValues(), client);
        await(() -> channel.status().stalled(), "reported stalled at once");
        assertTrue(channel.status().lastFailure().contains("not authorized"), channel.status().lastFailure());
    }

    @Test
    void aChannelFailingLongerThanItsBoundIsReportedStalled() throws InterruptedException {
        Client client = new Client();
        client.failPolls.set(Integer.MAX_VALUE);
        channel = new ChannelConsumer("budget-events", TOPIC, () -> client, recordValues(), config(Duration.ofMillis(300)),
                ChannelConsumer.ChannelMetrics.NONE);
        thread = new Thread(channel, "test-channel");
        thread.start();
        await(() -> channel.status().failingSince() != null, "failing");
        assertFalse(channel.status().stalled(), "not stalled at its first failure");
        await(() -> channel.status().stalled(), "stalled after the bound");
    }

    private EventReceiver recordValues() {
        return (name, records) -> records.forEach(r -> applied.add(r.value()));
    }

    private void awaitApplied(Client client, String value) {
        await(() -> client.subscription().contains(TOPIC), "subscribed");
        client.schedulePollTask(() -> client.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "k", value)));
        await(() -> applied.contains(value), value + " applied");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static EventConsumerConfig config(Duration stalledAfter) {
        return new EventConsumerConfig() {
            @Override
            public Optional<String> groupId() {
                return Optional.empty();
            }

            @Override
            public Map<String, Channel> channels() {
                return Map.of();
            }

            @Override
            public Duration firstRetryAfter() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration maxRetryAfter() {
                return Duration.ofMillis(100);
            }

            @Override
            public Duration stalledAfter() {
                return stalledAfter;
            }

            @Override
            public Optional<Duration> apiTimeout() {
                return Optional.empty();
            }
        };
    }
}
