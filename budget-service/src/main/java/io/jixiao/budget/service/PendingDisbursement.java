package io.jixiao.budget.service;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.jixiao.budget.mapping.DisbursementRequest;
import io.jixiao.events.Actor;
import io.jixiao.common.idempotency.IdempotencyBatch;
import io.jixiao.common.security.Reach;

/**
 * A disbursement waiting for the group commit, with everything the request knew that the committing
 * thread cannot ask for: who asked, which departments they reach, and their Idempotency-Key (null
 * when they sent none) with the request's fingerprint. Completes with its outcome, which the resource
 * answers on the request's own thread, or fails with the refusal.
 */
public record PendingDisbursement(UUID projectId, DisbursementRequest request, Actor actor, Reach reach,
        String idempotencyKey, String fingerprint, CompletableFuture<DisbursementOutcome> response) {

    public static PendingDisbursement of(UUID projectId, DisbursementRequest request, Actor actor, Reach reach,
            String idempotencyKey, String fingerprint) {
        return new PendingDisbursement(projectId, request, actor, reach, idempotencyKey, fingerprint,
                new CompletableFuture<>());
    }

    boolean keyed() {
        return idempotencyKey != null;
    }

    /** The request's key as the idempotency records hold it. */
    IdempotencyBatch.Claim claim() {
        return new IdempotencyBatch.Claim(keyOwner(), idempotencyKey, fingerprint);
    }

    /** What the idempotency record is keyed by: the key is the caller's own. */
    String keyOwner() {
        return actor.subject();
    }
}
