package io.jixiao.common.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bearer tokens this service has already verified, with the identity the OIDC verification built
 * from each. Every request of a client carries the same token for its whole life (the portal's, a
 * user's), and verifying it again (signature, issuer, audience, claims) took about a third of
 * budget-service's CPU under write load; the result cannot differ for the same token before it
 * expires. A token is found here only as the exact same string, only before its own {@code exp}, and
 * only within {@link VerifiedTokenConfig#ttl()} of its verification. A token whose signing key the realm
 * has withdrawn is refused on every request, found here or not ({@link WithdrawnKeyRefusal}). Only
 * verified tokens are remembered: a refused one is verified, and refused, every time.
 */
@Singleton
public class VerifiedTokens {

    private record Verified(SecurityIdentity identity, long trustedUntilMillis) {
    }

    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;
    private final LongSupplier clock;
    private final Counter hits;
    private final Counter misses;

    @Inject
    VerifiedTokens(VerifiedTokenConfig config, MeterRegistry registry) {
        this(config.ttl(), config.maxEntries(), System::currentTimeMillis, registry);
    }

    VerifiedTokens(Duration ttl, int maxEntries, LongSupplier clock, MeterRegistry registry) {
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.hits = Counter.builder("jixiao.verified.tokens").tag("result", "hit")
                .description("Bearer tokens found already verified").register(registry);
        this.misses = Counter.builder("jixiao.verified.tokens").tag("result", "miss")
                .description("Bearer tokens that had to be verified").register(registry);
    }

    public boolean enabled() {
        return ttlMillis > 0 && maxEntries > 0;
    }

    /** The identity verified for exactly this token, if it is still to be trusted. */
    public Optional<SecurityIdentity> find(String token) {
        if (!enabled()) {
            return Optional.empty();
        }
        Verified verified = byToken.get(token);
        if (verified != null && clock.getAsLong() < verified.trustedUntilMillis()) {
            hits.increment();
            return Optional.of(verified.identity());
        }
        if (verified != null) {
            byToken.remove(token, verified);
        }
        misses.increment();
        return Optional.empty();
    }

    /**
     * Remembers a token the OIDC verification accepted, until its expiry (epoch seconds) or the TTL,
     * whichever comes first. When full, expired tokens make room; if none has expired, this token is
     * not remembered and is verified again next time (the cache never grows past its bound).
     */
    public void remember(String token, SecurityIdentity identity, long expiresAtEpochSecond) {
        if (!enabled() || expiresAtEpochSecond <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long until = Math.min(expiresAtEpochSecond * 1000, now + ttlMillis);
        if (until <= now) {
            return;
        }
        if (byToken.size() >= maxEntries) {
            byToken.values().removeIf(v -> v.trustedUntilMillis() <= now);
            if (byToken.size() >= maxEntries) {
                return;
            }
        }
        byToken.put(token, new Verified(identity, until));
    }

    int size() {
        return byToken.size();
    }
}
