package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;


import org.junit.jupiter.api.Test;

import io.jixiao.budget.mapping.DisbursementRequest;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.events.Actor;
import io.jixiao.common.security.Reach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The one thread that commits disbursements outlives what would end an ordinary thread: a group that
 * failed with an Error, an interrupt from elsewhere. Had it ended, every later disbursement would wait
 * for an answer that never comes while the service looked alive.
 */
class GroupCommitterSurvivalTest {

    /** What the stand-in batches answer each disbursement with. */
    private static final DisbursementOutcome ANSWERED = new DisbursementOutcome.Replayed(201, "{}", null);

    @Test
    void aStrayInterruptDoesNotEndTheCommitter() throws Exception {
        DisbursementGroupCommit committer = committer(new AtomicInteger(1));
        committer.onStart(null);
        try {
            Thread thread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("disbursement-group-commit")).findFirst().orElseThrow();
            thread.interrupt();
            Thread.sleep(300);
            assertTrue(thread.isAlive(), "the committer ended on an interrupt");
            PendingDisbursement next = disbursement();
            committer.submit(next);
            assertEquals(ANSWERED, next.response().get(5, TimeUnit.SECONDS));
        } finally {
            committer.onStop(null);
        }
    }

    @Test
    void anOutOfMemoryErrorFailsItsGroupAndTheNextDisbursementIsStillAnswered() throws Exception {
        DisbursementGroupCommit committer = committer(new AtomicInteger());
        committer.onStart(null);
        try {
            PendingDisbursement first = disbursement();
            committer.submit(first);
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> first.response().get(5, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof ProblemException problem && problem.status() == 500,
                    failed.getCause().toString());

            PendingDisbursement second = disbursement();
            committer.submit(second);
            assertEquals(ANSWERED, second.response().get(5, TimeUnit.SECONDS));
        } finally {
            committer.onStop(null);
        }
    }

    /** A committer whose first group (when {@code groups} starts at 0) fails with an OutOfMemoryError. */
    private static DisbursementGroupCommit committer(AtomicInteger groups) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DisbursementGroupCommit committer = new DisbursementGroupCommit();
        committer.batches = new DisbursementBatch(registry) {
            @Override
            List<PendingDisbursement> write(List<PendingDisbursement> group) {
                if (groups.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                group.forEach(d -> d.response().complete(ANSWERED));
                return List.of();
            }
        };
        committer.config = new io.jixiao.budget.TestDisbursementConfig(256);
        committer.registry = registry;
        return committer;
    }

    private static PendingDisbursement disbursement() {
        return PendingDisbursement.of(UUID.randomUUID(), new DisbursementRequest(null, new BigDecimal("1.00"),
                LocalDate.of(2023, 5, 10), "怀化某公司", "运维服务", null), new Actor("tester", "T1"),
                new Reach(false, "T1"), null, null);
    }
}
