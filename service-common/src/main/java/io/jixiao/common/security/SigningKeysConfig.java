package io.jixiao.common.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service keeps up with the realm's signing keys ({@link PublishedSigningKeys}). */
@ConfigMapping(prefix = "jixiao.signing-keys")
public interface SigningKeysConfig {

    /**
     * How often the realm's published key set is read. A key the realm no longer publishes (an administrator
     * disabled or deleted it) is refused at most this long after it went, whatever token it signed and
     * however recently that token was verified.
     */
    @WithDefault("60s")
    Duration readEvery();

    /**
     * The soonest the key set is read again after a read, when a verified token names a key this service has
     * not seen published. Quarkus' own forced refresh of the keys it verifies with
     * ({@code quarkus.oidc.token.forced-jwk-refresh-interval}) takes the same value from service-common.
     */
    @WithDefault("30s")
    Duration unknownKeyReadAtMostEvery();

    /** How long one read of the discovery document or the key set may take. */
    @WithDefault("5s")
    Duration readTimeout();
}
