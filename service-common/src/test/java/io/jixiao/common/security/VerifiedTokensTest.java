package io.jixiao.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** When a verified token is trusted again, and when it must be verified anew. */
class VerifiedTokensTest {

    /** 2026-11-28T00:00:00Z, in milliseconds */
    static final long NOW = 1_795_824_000_000L;

    final AtomicLong clock = new AtomicLong(NOW);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    VerifiedTokens cache(Duration ttl, int maxEntries) {
        return new VerifiedTokens(ttl, maxEntries, clock::get, registry);
    }

    static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole("dept-user").build();
    }

    static long secondsFromNow(long seconds) {
        return NOW / 1000 + seconds;
    }

    @Test
    void aVerifiedTokenIsTrustedUntilItExpires() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(10), 10);
        SecurityIdentity alice = identity("alice");
        tokens.remember("token-a", alice, secondsFromNow(30));

        clock.set(NOW + 29_999);
        assertSame(alice, tokens.find("token-a").orElseThrow());
        clock.set(NOW + 30_000);
        assertTrue(tokens.find("token-a").isEmpty(), "at its exp the token must be verified again (and refused)");
        assertEquals(0, tokens.size(), "an expired token is dropped when met");
    }

    @Test
    void theTtlBoundsTrustEvenWhenTheTokenLivesLonger() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
        tokens.remember("token-a", identity("alice"), secondsFromNow(3600));

        clock.set(NOW + 59_999);
        assertTrue(tokens.find("token-a").isPresent());
        clock.set(NOW + 60_000);
        assertTrue(tokens.find("token-a").isEmpty());
    }

    @Test
    void onlyTheExactSameTokenIsFound() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
        tokens.remember("header.payload.signature", identity("alice"), secondsFromNow(300));

        assertTrue(tokens.find("header.payload.signaturf").isEmpty());
        assertTrue(tokens.find("header.payload.signature ").isEmpty());
        assertTrue(tokens.find("header.payload.signature").isPresent());
        assertEquals(1.0, registry.counter("jixiao.verified.tokens", "result", "hit").count());
        assertEquals(2.0, registry.counter("jixiao.verified.tokens", "result", "miss").count());
    }

    @Test
    void aTokenAlreadyExpiredOrWithoutExpiryIsNotKept() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 10);
        tokens.remember("expired", identity("alice"), secondsFromNow(0));
        tokens.remember("no-exp", identity("bob"), 0);

        assertEquals(0, tokens.size());
    }

    @Test
    void aFullCacheMakesRoomOnlyFromExpiredTokens() {
        VerifiedTokens tokens = cache(Duration.ofSeconds(60), 2);
        tokens.remember("short", identity("alice"), secondsFromNow(5));
        tokens.remember("long", identity("bob"), secondsFromNow(300));

        tokens.remember("third", identity("carol"), secondsFromNow(300));
        assertTrue(tokens.find("third").isEmpty(), "no room: the third token is verified every time");
        assertTrue(tokens.find("short").isPresent());

        clock.set(NOW + 5_000);
        tokens.remember("third", identity("carol"), secondsFromNow(300));
        assertTrue(tokens.find("third").isPresent(), "the expired token made room");
        assertTrue(tokens.find("long").isPresent());
        assertEquals(2, tokens.size());
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        VerifiedTokens tokens = cache(Duration.ZERO, 10);
        tokens.remember("token-a", identity("alice"), secondsFromNow(300));

        assertFalse(tokens.enabled());
        assertTrue(tokens.find("token-a").isEmpty());
        assertEquals(0, tokens.size());
    }
}
