package io.jixiao.common.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One channel's consumer, on a thread of its own: poll, hand the records to the service
 * ({@link EventReceiver}), commit, again. Nothing the broker or the database does ends it. A failure
 * (the broker slow or away, a commit or rebalance that times out, the database gone) pauses it, longer
 * with each failure in a row, and it goes on where it was: the records not applied are read again, and
 * what was applied and comes again is recognised by the inbox. After a few broker failures in a row the
 * client is replaced by a new one, which rejoins the group from the committed offsets. Nothing here asks the
 * broker for anything on a rebalance, so a slow answer then cannot fail it.
 *
 * <p>A failure that retrying will not mend (credentials or permissions refused, an unknown or invalid
 * topic) is reported at once ({@link #status}); one that lasts longer than {@code stalledAfter} too. Both
 * are retried all the same, at the longest pause, so the channel resumes once the cause is mended.
 */
final class ChannelConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(ChannelConsumer.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Broker failures in a row after which the client is closed and a new one made. */
    private static final int REPLACE_CLIENT_AFTER = 3;

    /** What the health check and the metrics read. */
    record Status(boolean stalled, boolean lasting, Instant failingSince, String lastFailure, long failuresInARow,
            Instant lastSuccess) {
    }

    /** The records of a poll were not applied: they are read again. */
    static final class ApplyFailed extends RuntimeException {
        ApplyFailed(RuntimeException cause) {
            super(cause.toString(), cause);
        }
    }

    private final String channel;
    private final String topic;
    private final Supplier<Consumer<String, String>> clients;
    private final EventReceiver receiver;
    private final EventConsumerConfig config;
    private final ChannelMetrics metrics;

    private volatile boolean running = true;
    private volatile Consumer<String, String> client;
    /** Offsets of applied batches whose commit failed, committed before the next poll. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private volatile Instant failingSince;
    private volatile Instant lastSuccess;
    private volatile String lastFailure;
    private volatile boolean lasting;
    private volatile long failuresInARow;
    private boolean stalledReported;

    /** Counts what a channel does; a test passes one that counts nothing. */
    interface ChannelMetrics {
        void failed(String kind);

        void clientReplaced();

        void commitFailed();

        ChannelMetrics NONE = new ChannelMetrics() {
            @Override
            public void failed(String kind) {
            }

            @Override
            public void clientReplaced() {
            }

            @Override
            public void commitFailed() {
            }
        };
    }

    ChannelConsumer(String channel, String topic, Supplier<Consumer<String, String>> clients, EventReceiver receiver,
            EventConsumerConfig config, ChannelMetrics metrics) {
        this.channel = channel;
        this.topic = topic;
        this.clients = clients;
        this.receiver = receiver;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        long pause = 0;
        while (running) {
            try {
                pollOnce();
                succeeded();
                pause = 0;
            } catch (WakeupException e) {
                if (!running) {
                    break;
                }
            } catch (InterruptException e) {
                // the Kafka client's form of an interrupt; stopping never interrupts, so only a stray one gets here
                Thread.interrupted();
                if (!running) {
                    break;
                }
            } catch (Throwable e) {
                failed(e);
                pause = Math.min(Math.max(pause * 2, config.firstRetryAfter().toMillis()), config.maxRetryAfter().toMillis());
                if (lasting) {
                    pause = config.maxRetryAfter().toMillis();
                }
                sleep(pause);
            }
        }
        closeClient();
    }

    /** Stops the loop: the current poll returns at once; a batch being applied is finished and committed first. */
    void stop() {
        running = false;
        Consumer<String, String> c = client;
        if (c != null) {
            c.wakeup();
        }
    }

    Status status() {
        Instant since = failingSince;
        boolean stalled = since != null && (lasting
                || Duration.between(since, Instant.now()).compareTo(config.stalledAfter()) >= 0);
        return new Status(stalled, lasting, since, lastFailure, failuresInARow, lastSuccess);
    }

    private void pollOnce() {
        if (client == null) {
            client = clients.get();
            client.subscribe(List.of(topic));
            uncommitted.clear();
        }
        if (!uncommitted.isEmpty()) {
            // what an earlier commit could not commit: the group's committed offsets must catch up even when no
            // record follows (they are what tells the service, and an operator, that it is up to date)
            uncommitted.keySet().retainAll(client.assignment());
            commit(new HashMap<>(uncommitted));
        }
        ConsumerRecords<String, String> polled = client.poll(POLL);
        if (polled.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(polled.count());
        polled.forEach(batch::add);
        try {
            receiver.receive(channel, batch);
        } catch (RuntimeException e) {
            rewind(batch);
            throw new ApplyFailed(e);
        }
        commit(batch);
    }

    /**
     * Commits the batch's offsets. A commit that fails is not a failure of the channel: the batch is applied and
     * recorded in the inbox, and if its records come again they are recognised. One that timed out is tried
     * again before the next poll; one refused because a rebalance took the partitions is dropped (their next
     * owner starts from the offsets committed before).
     */
    private void commit(List<ConsumerRecord<String, String>> batch) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>(uncommitted);
        for (ConsumerRecord<String, String> record : batch) {
            next.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        commit(next);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> next) {
        try {
            try {
                client.commitSync(next);
            } catch (WakeupException e) {
                if (running) {
                    throw e;
                }
                // stopping woke the client up: the batch is applied, so it is committed before the channel ends
                client.commitSync(next);
            }
            uncommitted.clear();
        } catch (CommitFailedException e) {
            uncommitted.clear();
            metrics.commitFailed();
            LOG.debugf("%s: commit of %s refused after a rebalance (%s)", channel, next, e.toString());
        } catch (KafkaException e) {
            uncommitted.putAll(next);
            metrics.commitFailed();
            LOG.debugf("%s: commit of %s failed (%s); tried again before the next poll", channel, next, e.toString());
        }
    }

    /** The batch's partitions go back to its first records, to be read again. */
    private void rewind(List<ConsumerRecord<String, String>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach((partition, offset) -> {
            try {
                client.seek(partition, offset);
            } catch (IllegalStateException e) {
                // no longer assigned: its next owner starts from the committed offset
            }
        });
    }

    private void succeeded() {
        lastSuccess = Instant.now();
        if (failingSince != null) {
            LOG.infof("%s: consuming %s again after %d failure(s) in %d s", channel, topic, failuresInARow,
                    Duration.between(failingSince, Instant.now()).toSeconds());
            failingSince = null;
            lastFailure = null;
            lasting = false;
            failuresInARow = 0;
            stalledReported = false;
        }
    }

    private void failed(Throwable e) {
        boolean apply = e instanceof ApplyFailed;
        boolean cannotMend = !apply && cannotMendByRetrying(e);
        failuresInARow++;
        lastFailure = (apply ? "applying a batch failed: " : "") + describe(apply ? e.getCause() : e);
        lasting = cannotMend;
        metrics.failed(apply ? "apply" : cannotMend ? "lasting" : "broker");
        if (failingSince == null) {
            failingSince = Instant.now();
            if (cannotMend) {
                LOG.errorf("%s: %s; retrying every %s until it is mended", channel, lastFailure,
                        describe(config.maxRetryAfter()));
            } else {
                LOG.warnf("%s: %s; retrying", channel, lastFailure);
            }
        } else {
            LOG.debugf("%s: failure %d in a row: %s", channel, failuresInARow, lastFailure);
        }
        if (!stalledReported && !cannotMend && status().stalled()) {
            stalledReported = true;
            LOG.errorf("%s: nothing consumed from %s for %d s (%d failures in a row, the last: %s); still retrying",
                    channel, topic, Duration.between(failingSince, Instant.now()).toSeconds(), failuresInARow, lastFailure);
        }
        if (!apply && (cannotMend || failuresInARow % REPLACE_CLIENT_AFTER == 0)) {
            closeClient();
            metrics.clientReplaced();
        }
    }

    /** Failures the broker will keep giving until someone changes something: permissions, credentials, topics. */
    static boolean cannotMendByRetrying(Throwable e) {
        return e instanceof AuthenticationException || e instanceof AuthorizationException
                || e instanceof InvalidTopicException || e instanceof UnsupportedVersionException;
    }

    private void closeClient() {
        Consumer<String, String> c = client;
        client = null;
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("%s: closing the Kafka client failed: %s", channel, e.toString());
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String describe(Duration d) {
        return d.toSeconds() + " s";
    }

    private void sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                // stopping never interrupts: a stray interrupt must not end the channel
            }
        }
    }
}
