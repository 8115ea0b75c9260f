package io.jixiao.common.idempotency;

import jakarta.enterprise.context.RequestScoped;

/**
 * The Idempotency-Key of the current request and its fingerprint, for a write that stores its answer itself
 * later, outside the request's transaction (budget-service's group commit). Set by {@link IdempotencyInterceptor}.
 */
@RequestScoped
public class KeyedRequest {

    private String key;
    private String fingerprint;

    void set(String key, String fingerprint) {
        this.key = key;
        this.fingerprint = fingerprint;
    }

    public String key() {
        return key;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
