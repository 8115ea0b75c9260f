package io.jixiao.budget.service;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import io.jixiao.budget.mapping.DisbursementRequest;
import io.jixiao.events.Actor;
import io.jixiao.common.security.Reach;

/**
 * A disbursement waiting for the group commit, with everything the request knew that the committing
 * thread cannot ask for: who asked, which departments they reach, and their Idempotency-Key (null
 * when they sent none) with the request's fingerprint. Completes with its HTTP response, built on
 * the request's own thread (a relative Location needs the request), or fails with the refusal.
 */
public record PendingDisbursement(UUID projectId, DisbursementRequest request, Actor actor, Reach reach,
        String idempotencyKey, String fingerprint, CompletableFuture<Supplier<Response>> response) {

    public static PendingDisbursement of(UUID projectId, DisbursementRequest request, Actor actor, Reach reach,
            String idempotencyKey, String fingerprint) {
        return new PendingDisbursement(projectId, request, actor, reach, idempotencyKey, fingerprint,
                new CompletableFuture<>());
    }

    boolean keyed() {
        return idempotencyKey != null;
    }

    /** What the idempotency record is keyed by: the key is the caller's own. */
    String keyOwner() {
        return actor.subject();
    }
}
