package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.jixiao.budget.mapping.DisbursementRequest;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.events.Actor;
import io.jixiao.common.security.Reach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the group commit does when the database fails, with a stand-in for the database (the real one
 * cannot be made to fail at a chosen statement): a group that failed before its commit is tried again
 * one disbursement at a time; a group whose commit failed is never written again, because it may have
 * been recorded.
 */
class GroupFailureTest {

    /** What the stand-in batches answer each disbursement with. */
    private static final DisbursementOutcome ANSWERED = new DisbursementOutcome.Replayed(201, "{}", null);

    private final List<Integer> groupsWritten = new CopyOnWriteArrayList<>();
    private final CountDownLatch othersQueued = new CountDownLatch(1);
    private DisbursementGroupCommit groupCommit;

    @AfterEach
    void stop() throws InterruptedException {
        groupCommit.onStop(null);
    }

    @Test
    void aGroupThatFailedBeforeItsCommitIsTriedAgainOneByOne() throws Exception {
        start(group -> {
            if (group.size() > 1) {
                throw new SQLException("a statement of the group failed");
            }
            group.get(0).response().complete(ANSWERED);
        });
        List<PendingDisbursement> queued = queueBehindAFirstGroup();

        for (PendingDisbursement d : queued) {
            d.response().get(10, TimeUnit.SECONDS); // each one recorded, alone
        }
        assertEquals(List.of(1, 2, 1, 1), groupsWritten);
    }

    @Test
    void aGroupWhoseCommitFailedIsNeverWrittenAgain() throws Exception {
        start(group -> {
            throw new DisbursementBatch.CommitOutcomeUnknown(new SQLException("connection reset during commit"));
        });
        List<PendingDisbursement> queued = queueBehindAFirstGroup();

        for (PendingDisbursement d : queued) {
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> d.response().get(10, TimeUnit.SECONDS));
            ProblemException problem = (ProblemException) failed.getCause();
            assertEquals(503, problem.status());
            assertEquals("outcome-unknown", problem.type());
        }
        // the first group (one) and the second (two), each written once and never again
        assertEquals(List.of(1, 2), groupsWritten);
    }

    /** One disbursement that holds the committer until two more are queued, so those two form one group. */
    private List<PendingDisbursement> queueBehindAFirstGroup() throws InterruptedException {
        PendingDisbursement first = disbursement();
        groupCommit.submit(first);
        while (groupsWritten.isEmpty()) {
            Thread.sleep(10);
        }
        PendingDisbursement second = disbursement();
        PendingDisbursement third = disbursement();
        groupCommit.submit(second);
        groupCommit.submit(third);
        othersQueued.countDown();
        return List.of(first, second, third);
    }

    private interface FakeWrite {
        void write(List<PendingDisbursement> group) throws SQLException;
    }

    private void start(FakeWrite fake) {
        groupCommit = new DisbursementGroupCommit();
        groupCommit.registry = new SimpleMeterRegistry();
        groupCommit.config = new io.jixiao.budget.TestDisbursementConfig(256);
        groupCommit.batches = new DisbursementBatch(new SimpleMeterRegistry()) {
            @Override
            List<PendingDisbursement> write(List<PendingDisbursement> group) throws SQLException {
                groupsWritten.add(group.size());
                if (groupsWritten.size() == 1) {
                    try {
                        assertTrue(othersQueued.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                fake.write(group);
                return List.of();
            }
        };
        groupCommit.onStart(null);
    }

    private static PendingDisbursement disbursement() {
        return PendingDisbursement.of(UUID.randomUUID(), new DisbursementRequest(null, new BigDecimal("1.00"),
                LocalDate.of(2023, 5, 10), "怀化某公司", "运维服务", null), new Actor("tester", "HHGXJ"),
                new Reach(false, "HHGXJ"), null, null);
    }
}
