package io.jixiao.common.inbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The topics a service consumes ({@link EventConsumers}), each a channel with a consumer of its own:
 * {@code jixiao.consumer.channels.<name>.topic=budget.events}. Every {@code kafka.*} property (bootstrap
 * servers, credentials, timeouts) applies to them too.
 */
@ConfigMapping(prefix = "jixiao.consumer")
public interface EventConsumerConfig {

    /** The consumer group all replicas share; the application's name when not set. */
    Optional<String> groupId();

    Map<String, Channel> channels();

    /** The first pause after a failure; it doubles with each failure in a row, up to {@link #maxRetryAfter()}. */
    @WithDefault("200ms")
    Duration firstRetryAfter();

    @WithDefault("30s")
    Duration maxRetryAfter();

    /**
     * A channel that has failed without a single success for this long is reported stalled: health DOWN and
     * an error in the log. It still goes on trying.
     */
    @WithDefault("60s")
    Duration stalledAfter();

    /**
     * How long one call of a consumer to the broker (a commit, committed offsets) may take; when not set,
     * {@code kafka.default.api.timeout.ms}.
     */
    Optional<Duration> apiTimeout();

    interface Channel {

        String topic();

        /** Records per poll; a poll's records are applied in one transaction. */
        @WithDefault("500")
        int maxPollRecords();

        /**
         * A fetch waits up to {@link #fetchMaxWait()} for this much, so that a trickle of events is applied in
         * batches rather than one by one.
         */
        @WithDefault("65536")
        int fetchMinBytes();

        @WithDefault("100ms")
        Duration fetchMaxWait();
    }
}
