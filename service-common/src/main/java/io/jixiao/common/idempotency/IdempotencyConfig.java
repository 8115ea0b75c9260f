package io.jixiao.common.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long an Idempotency-Key is honoured. */
@ConfigMapping(prefix = "jixiao.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key's stored response is kept: a retry within it gets the original response, a request
     * after it with the same key is a new request. Far longer than any client retries (seconds to hours);
     * 0 keeps every key.
     */
    @WithDefault("30d")
    Duration retention();

    /** How often {@link IdempotencyKeyPurge} looks for keys past their retention. */
    @WithDefault("1h")
    Duration purgeEvery();
}
