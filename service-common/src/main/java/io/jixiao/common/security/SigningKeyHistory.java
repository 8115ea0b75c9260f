package io.jixiao.common.security;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which signing keys (by {@code kid}) the realm publishes now, and which it published once and no longer
 * does: those are withdrawn, and a token they signed is refused even if a verifier still holds the key.
 * A key never seen published is not withdrawn: it may be a key the realm has only just added, which
 * the OIDC verification fetches for itself. Until the first read, nothing is withdrawn.
 */
final class SigningKeyHistory {

    private volatile Set<String> published = Set.of();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** What the latest read of the key set found. */
    void published(Collection<String> kids) {
        Set<String> now = Set.copyOf(kids);
        seen.addAll(now);
        published = now;
    }

    boolean withdrawn(String kid) {
        return kid != null && !published.contains(kid) && seen.contains(kid);
    }

    boolean seen(String kid) {
        return kid != null && seen.contains(kid);
    }

    Set<String> published() {
        return published;
    }
}
