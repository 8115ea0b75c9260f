package io.jixiao.budget.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.jixiao.budget.config.DisbursementConfig;
import io.jixiao.common.problem.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Commits disbursements in groups. Requests queue here; one thread takes everything queued (up to
 * {@code jixiao.disbursements.max-batch}) and writes it in one transaction ({@link DisbursementBatch}),
 * while the next requests queue behind it. N concurrent disbursements then cost one commit (one WAL
 * flush) and a fixed handful of round trips instead of N of each: DESIGN §12 asks disbursements to
 * reach half the raw single-row insert rate, which one transaction per disbursement cannot on this
 * hardware (its SQL alone reaches 0.15–0.30 of that rate; bench/DisbursementCeiling). A lone request
 * waits for no one: an empty queue means a batch of one.
 *
 * <p>If a batch fails as a whole before its commit (a database error, not a refusal), each of its
 * disbursements is tried again alone, so one bad request cannot fail the others; nothing of the failed
 * batch was committed. If the commit itself fails, nothing is tried again: it may have been recorded.
 */
@ApplicationScoped
public class DisbursementGroupCommit {

    private static final Logger LOG = Logger.getLogger(DisbursementGroupCommit.class);

    @Inject
    DisbursementBatch batches;

    @Inject
    DisbursementConfig config;

    @Inject
    MeterRegistry registry;

    private BlockingQueue<PendingDisbursement> queue;
    private volatile boolean running;
    private Thread committer;
    private DistributionSummary batchSizes;

    void onStart(@Observes StartupEvent event) {
        queue = new LinkedBlockingQueue<>(config.maxQueued());
        batchSizes = DistributionSummary.builder("jixiao.disbursements.batch.size")
                .description("Disbursements committed per transaction").register(registry);
        running = true;
        committer = new Thread(this::commitWhileRunning, "disbursement-group-commit");
        committer.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        committer.join(TimeUnit.SECONDS.toMillis(10));
        // whatever is still queued was never written: its callers may retry
        List<PendingDisbursement> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(d -> d.response().completeExceptionally(unavailable()));
    }

    /** Queues a disbursement; its response completes once its group has committed (or it was refused). */
    public void submit(PendingDisbursement disbursement) {
        if (!running) {
            disbursement.response().completeExceptionally(unavailable());
            return;
        }
        if (!queue.offer(disbursement)) {
            disbursement.response().completeExceptionally(new ProblemException(503, "ledger-busy", "Ledger busy",
                    config.maxQueued() + " disbursements are already waiting for the ledger; this one was not"
                            + " recorded: retry it in a moment", java.util.Map.of("queued", config.maxQueued())));
        }
    }

    /** The 503 of a request whose group has not committed in time: it may still be, so only a keyed retry is safe. */
    public ProblemException notAnsweredInTime() {
        return new ProblemException(503, "ledger-slow", "Ledger slow",
                "the ledger did not commit this disbursement within " + config.answerWithin().toSeconds()
                        + " s; it may still be recorded: retry it with the same Idempotency-Key, which records it at"
                        + " most once", java.util.Map.of());
    }

    private void commitWhileRunning() {
        List<PendingDisbursement> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                PendingDisbursement first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.maxBatch() - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // shutting down clears running and never interrupts, so an interrupt while running comes from
                // elsewhere (a library giving up on a wait): it must not end the only thread that commits
                if (!running) {
                    Thread.currentThread().interrupt();
                    return;
                }
                LOG.warn("disbursement group committer interrupted while running; it goes on");
            } catch (RuntimeException | Error e) {
                // never let the committer die: fail what it held and go on with the next. An Error too (an
                // OutOfMemoryError mostly caused by another request): a dead committer would leave every
                // later disbursement waiting for an answer that never comes, while the service looked alive
                LOG.error("disbursement group commit failed unexpectedly", e);
                batch.forEach(d -> d.response().completeExceptionally(new ProblemException(500, "internal-error",
                        "Internal error", "the disbursement failed unexpectedly and may not have been recorded",
                        java.util.Map.of())));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<PendingDisbursement> batch) {
        List<PendingDisbursement> again;
        try {
            again = batches.write(batch);
            batchSizes.record(batch.size());
        } catch (DisbursementBatch.CommitOutcomeUnknown e) {
            LOG.errorf(e, "the commit of %d disbursements failed; they may or may not be recorded", batch.size());
            batch.forEach(d -> d.response().completeExceptionally(new ProblemException(503, "outcome-unknown",
                    "Outcome unknown", "the ledger's database failed while committing this disbursement: it may have"
                            + " been recorded. Check the project's ledger, or retry with the same Idempotency-Key",
                    java.util.Map.of())));
            return;
        } catch (Exception e) {
            if (batch.size() == 1) {
                LOG.errorf(e, "disbursement on project %s failed", batch.get(0).projectId());
                batch.get(0).response().completeExceptionally(new ProblemException(503, "ledger-unavailable",
                        "Ledger unavailable", "the disbursement was not recorded: the ledger's database did not complete it"
                                + " (its project may be locked by another write); retry it",
                        java.util.Map.of()));
                return;
            }
            LOG.warnf(e, "a group of %d disbursements failed; committing each alone", batch.size());
            batch.forEach(d -> commit(List.of(d)));
            return;
        }
        if (!again.isEmpty()) {
            commit(again);
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "shutting-down", "Service shutting down",
                "budget-service is stopping and did not record this disbursement; retry it", java.util.Map.of());
    }
}
