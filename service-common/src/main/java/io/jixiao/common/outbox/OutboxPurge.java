package io.jixiao.common.outbox;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.jixiao.common.retention.PurgeSchedule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Deletes outbox rows published longer ago than {@code jixiao.outbox.retention}. The outbox hands events
 * over to Kafka; it is not where they are kept (the ledger keeps the facts, the topic the events), yet
 * every write adds a row with its whole payload. Without this the table only grows. A row not yet
 * published is never deleted, however old: it is the relay's backlog.
 *
 * <p>Runs on its {@link PurgeSchedule} (a minute after the start, then every {@code purge-every}), in batches
 * of {@link #BATCH} rows, each its own short transaction, so that it never holds a long one beside the
 * ledger's writes. Several replicas may purge at once: deleting a row another already deleted changes
 * nothing.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);
    private static final int BATCH = 5_000;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    private Counter purged;
    private PurgeSchedule schedule;

    void onStart(@Observes StartupEvent event) {
        purged = registry.counter("jixiao.outbox.purged");
        if (config.retention().isZero()) {
            LOG.info("outbox retention is 0: published events stay in the outbox");
            return;
        }
        schedule = new PurgeSchedule("outbox-purge", "events published", config.retention(), config.purgeEvery(),
                this::purge, LOG);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.close();
        }
    }

    /** Deletes every published row past its retention now; returns how many. */
    public long purge() {
        OffsetDateTime publishedBefore = OffsetDateTime.now().minus(config.retention());
        long bound = firstRowToKeep(publishedBefore);
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from outbox_event where position in (
                      select position from outbox_event where position < ?1 and published_at < ?2
                      order by position limit ?3)""")
                    .setParameter(1, bound)
                    .setParameter(2, publishedBefore)
                    .setParameter(3, BATCH)
                    .executeUpdate());
            total += deleted;
            purged.increment(deleted);
        } while (deleted == BATCH);
        return total;
    }

    /**
     * Where the purge stops: the first row still to keep, unpublished or published after the cutoff. The
     * relay publishes in position order, so the rows past retention sit before it, and a round reads only
     * the rows it deletes. Without the bound, a round with nothing to delete read the whole table to find
     * that out (510 ms and 1 GB of pages for a million rows, against 0.1 ms). A row past retention behind
     * the bound (it committed late and was published late) waits for a later round.
     */
    private long firstRowToKeep(OffsetDateTime publishedBefore) {
        List<?> first = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select position from outbox_event where published_at is null or published_at >= ?1
                order by position limit 1""")
                .setParameter(1, publishedBefore)
                .getResultList());
        return first.isEmpty() ? Long.MAX_VALUE : ((Number) first.get(0)).longValue();
    }
}
