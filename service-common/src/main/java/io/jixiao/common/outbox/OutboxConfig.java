package io.jixiao.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactional outbox and its relay to Kafka. */
@ConfigMapping(prefix = "jixiao.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code ce_source} of every event this service publishes. */
    String source();

    /** The topic the relay publishes to. */
    String topic();

    /** Rows published per relay pass (one database transaction). */
    @WithDefault("500")
    int batchSize();

    /** How long the relay sleeps when there is nothing to publish (a commit wakes it sooner). */
    @WithDefault("500ms")
    Duration idlePoll();

    /**
     * How long a woken relay waits before its pass, so that the commits of that moment go to Kafka in one
     * batch rather than one send each.
     */
    @WithDefault("0ms")
    Duration linger();

    /** The longest pause between attempts while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long one pass waits for the broker's acknowledgements before it gives up and retries. */
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * How long a published event stays in the outbox, for inspection, before {@link OutboxPurge} deletes it.
     * The ledger keeps the facts and the topic keeps the events; 0 keeps every row.
     */
    @WithDefault("7d")
    Duration retention();

    /** How often {@link OutboxPurge} looks for published events past their retention. */
    @WithDefault("1h")
    Duration purgeEvery();

    /** Off only where another process is meant to publish (never in production). */
    @WithDefault("true")
    boolean relayEnabled();
}
