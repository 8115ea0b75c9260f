package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;


import org.junit.jupiter.api.Test;

import io.jixiao.budget.config.DisbursementConfig;
import io.jixiao.budget.mapping.DisbursementRequest;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.events.Actor;
import io.jixiao.common.security.Reach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * When the ledger's database is slow, disbursements do not pile up without bound: past
 * {@code jixiao.disbursements.max-queued} waiting, the next is refused at once with 503 (Retry-After), and
 * nothing of it is recorded.
 */
class GroupQueueBoundTest {

    /** What the stand-in batches answer each disbursement with. */
    private static final DisbursementOutcome ANSWERED = new DisbursementOutcome.Replayed(201, "{}", null);

    @Test
    void pastTheQueuesBoundADisbursementIsRefusedAtOnce() throws Exception {
        CountDownLatch databaseSlow = new CountDownLatch(1);
        DisbursementGroupCommit committer = new DisbursementGroupCommit();
        committer.registry = new SimpleMeterRegistry();
        committer.config = new DisbursementConfig() {
            @Override
            public int maxBatch() {
                return 1;
            }

            @Override
            public int maxQueued() {
                return 2;
            }

            @Override
            public Duration answerWithin() {
                return Duration.ofSeconds(10);
            }
        };
        committer.batches = new DisbursementBatch(new SimpleMeterRegistry()) {
            @Override
            List<PendingDisbursement> write(List<PendingDisbursement> group) {
                try {
                    databaseSlow.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                group.forEach(d -> d.response().complete(ANSWERED));
                return List.of();
            }
        };
        committer.onStart(null);
        try {
            PendingDisbursement committing = disbursement();
            committer.submit(committing);
            Thread.sleep(200); // the committer has taken it and waits on the database
            PendingDisbursement second = disbursement();
            PendingDisbursement third = disbursement();
            PendingDisbursement refused = disbursement();
            committer.submit(second);
            committer.submit(third);
            committer.submit(refused);
            ExecutionException e = assertThrows(ExecutionException.class, () -> refused.response().get(1, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ProblemException p && p.status() == 503 && p.type().equals("ledger-busy"),
                    e.getCause().toString());

            databaseSlow.countDown();
            for (PendingDisbursement d : List.of(committing, second, third)) {
                assertEquals(ANSWERED, d.response().get(5, TimeUnit.SECONDS));
            }
        } finally {
            committer.onStop(null);
        }
    }

    private static PendingDisbursement disbursement() {
        return PendingDisbursement.of(UUID.randomUUID(), new DisbursementRequest(null, new BigDecimal("1.00"),
                LocalDate.of(2023, 5, 10), "怀化某公司", "运维服务", null), new Actor("tester", "T1"),
                new Reach(false, "T1"), "key-" + UUID.randomUUID(), "fingerprint");
    }
}
