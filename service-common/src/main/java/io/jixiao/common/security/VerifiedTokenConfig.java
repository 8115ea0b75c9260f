package io.jixiao.common.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a bearer token, once verified, is trusted without verifying it again ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "jixiao.verified-tokens")
public interface VerifiedTokenConfig {

    /**
     * The longest a verified token is trusted without a new verification; never past the token's own
     * expiry. {@code 0s} turns the cache off. (A withdrawn signing key is refused within
     * {@code jixiao.signing-keys.read-every}, cached or not.)
     */
    @WithDefault("60s")
    Duration ttl();

    /** Tokens remembered at once (one per signed-in user or client, each a few kilobytes of claims). */
    @WithDefault("512")
    int maxEntries();
}
