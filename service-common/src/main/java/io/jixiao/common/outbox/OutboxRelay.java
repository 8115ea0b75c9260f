package io.jixiao.common.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Drives {@link OutboxPublisher} on a thread of its own: publishes while there is a backlog, sleeps
 * when there is none (a commit wakes it), and backs off while Kafka is unreachable. Events written
 * during an outage wait in the outbox and go out, in order, once the broker is back.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration BACKLOG_SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final Duration INTERRUPTS_LOGGED_EVERY = Duration.ofMinutes(1);

    @Inject
    OutboxPublisher publisher;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running;
    /** Why the last pass could not publish, and since when; null while the broker takes what is sent. */
    private volatile String brokerFailure;
    private volatile java.time.Instant brokerFailingSince;
    private Thread thread;
    private Counter published;
    private Counter failedPasses;
    private Counter interrupted;
    private final RelayInterrupts interrupts = new RelayInterrupts(INTERRUPTS_LOGGED_EVERY);
    private long lastBacklogSample;

    void onStart(@Observes StartupEvent event) {
        registry.gauge("jixiao.outbox.backlog", backlog);
        published = registry.counter("jixiao.outbox.published");
        failedPasses = registry.counter("jixiao.outbox.failed.passes");
        interrupted = registry.counter("jixiao.outbox.relay.interrupts");
        if (!config.relayEnabled()) {
            LOG.warn("outbox relay disabled by configuration: events stay in the outbox");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                // let an in-flight pass finish and mark what the broker acknowledged
                thread.join(config.sendTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a commit that appended events. */
    public void wakeUp() {
        wakeUps.release();
    }

    public long backlog() {
        return backlog.get();
    }

    /** "reachable", or since when and why the broker has not taken what the relay sends. */
    public String brokerState() {
        String failure = brokerFailure;
        java.time.Instant since = brokerFailingSince;
        return failure == null || since == null ? "reachable" : "unreachable since " + since + ": " + failure;
    }

    /** True while the relay thread runs (or when it is disabled by configuration on purpose). */
    public boolean isRunning() {
        return !config.relayEnabled() || (thread != null && thread.isAlive());
    }

    private void loop() {
        long backoffMillis = 0;
        boolean outageLogged = false;
        while (running) {
            try {
                OutboxPublisher.PassResult pass = publisher.publishBatch();
                published.increment(pass.published());
                sampleBacklog(pass);
                if (Thread.currentThread().isInterrupted()) {
                    // the pass stopped waiting because of the interrupt, not because of the broker
                    survive();
                    continue;
                }
                if (pass.failed()) {
                    failedPasses.increment();
                    if (brokerFailingSince == null) {
                        brokerFailingSince = java.time.Instant.now();
                    }
                    brokerFailure = pass.failure().toString();
                    if (!outageLogged) {
                        LOG.warnf("Kafka unreachable, events wait in the outbox (backlog %d): %s", backlog.get(),
                                pass.failure().toString());
                        outageLogged = true;
                    }
                    backoffMillis = Math.min(Math.max(backoffMillis * 2, 100), config.maxBackoff().toMillis());
                    pause(backoffMillis);
                    continue;
                }
                brokerFailure = null;
                brokerFailingSince = null;
                if (outageLogged) {
                    LOG.infof("Kafka reachable again, publishing the outbox backlog (%d)", backlog.get());
                    outageLogged = false;
                }
                backoffMillis = 0;
                if (!pass.moreWaiting()) {
                    // drained, or another instance holds the relay lock: wait for a commit or the poll interval
                    wakeUps.drainPermits();
                    if (wakeUps.tryAcquire(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS)
                            && !config.linger().isZero()) {
                        Thread.sleep(config.linger().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                survive();
            } catch (RuntimeException | Error e) {
                // the database failed (or is starting): nothing was marked, so the same rows go in the next
                // pass. An Error (mostly
                // an OutOfMemoryError caused by another request) does not end the relay either: memory comes
                // back once that request fails, and a relay thread that ended would leave events unpublished
                // for good while the service still answered. (The cluster's pods exit on OutOfMemoryError.)
                LOG.errorf(e, "outbox relay pass failed; the relay goes on");
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 100), config.maxBackoff().toMillis());
                pause(backoffMillis);
            }
        }
    }

    /**
     * Shutting down never interrupts this thread (it clears {@code running} and wakes it), so an interrupt
     * comes from elsewhere, for instance a library giving up on a wait. Events must still be delivered: the
     * relay clears it and goes on; it ends only when the service stops.
     */
    private void survive() {
        if (running) {
            Thread.interrupted();
            interrupted.increment();
            long toReport = interrupts.record(System.nanoTime());
            if (toReport > 0) {
                LOG.warnf("outbox relay interrupted (%d time(s) since the last such line, at most one a minute);"
                        + " it goes on publishing", toReport);
            }
        }
    }

    private void sampleBacklog(OutboxPublisher.PassResult pass) {
        long now = System.nanoTime();
        if (pass.failed() || now - lastBacklogSample > BACKLOG_SAMPLE_EVERY.toNanos()) {
            backlog.set(publisher.countBacklog());
            lastBacklogSample = now;
        } else if (!pass.lockHeldElsewhere() && !pass.moreWaiting()) {
            backlog.set(0);
        }
    }

    /** Backs off for the whole pause: commits during an outage must not turn into a busy loop. */
    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            survive();
        }
    }
}
