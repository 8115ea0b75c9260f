package io.jixiao.common.idempotency;

import java.time.OffsetDateTime;

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
 * Deletes Idempotency-Keys recorded longer ago than {@code jixiao.idempotency.retention}. Every keyed
 * write stores its key and its whole response; a client retries within seconds or hours, so keeping them
 * for ever only grows the table. In batches of {@link #BATCH}, each its own short transaction, found
 * through the index on {@code created_at}.
 */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);
    private static final int BATCH = 5_000;

    @Inject
    EntityManager em;

    @Inject
    IdempotencyConfig config;

    @Inject
    MeterRegistry registry;

    private Counter purged;
    private PurgeSchedule schedule;

    void onStart(@Observes StartupEvent event) {
        purged = registry.counter("jixiao.idempotency.keys.purged");
        if (config.retention().isZero()) {
            LOG.info("Idempotency-Key retention is 0: every key is kept");
            return;
        }
        schedule = new PurgeSchedule("idempotency-key-purge", "Idempotency-Keys recorded", config.retention(),
                config.purgeEvery(), this::purge, LOG);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.close();
        }
    }

    /** Deletes every key past its retention now; returns how many. */
    public long purge() {
        OffsetDateTime recordedBefore = OffsetDateTime.now().minus(config.retention());
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from idempotency_record where (caller, idempotency_key) in (
                      select caller, idempotency_key from idempotency_record where created_at < ?1 limit ?2)""")
                    .setParameter(1, recordedBefore)
                    .setParameter(2, BATCH)
                    .executeUpdate());
            total += deleted;
            purged.increment(deleted);
        } while (deleted == BATCH);
        return total;
    }
}
