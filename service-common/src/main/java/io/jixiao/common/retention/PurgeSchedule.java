package io.jixiao.common.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * Runs one purge of rows past their retention on a daemon thread of its own: a minute after the start,
 * then every interval. Each round logs what it deleted; a round that fails (the database is away) is
 * logged and the next one tries again: rows waiting a little longer lose nothing.
 */
public final class PurgeSchedule implements AutoCloseable {

    /**
     * The first round soon after the start, not on it: a service redeployed more often than its interval
     * would otherwise never purge.
     */
    private static final Duration FIRST_ROUND_AFTER = Duration.ofMinutes(1);

    private final ScheduledExecutorService executor;

    /**
     * @param what the rows, for the log ("outbox events published", "Idempotency-Keys recorded")
     * @param purge one round: deletes every row past its retention and returns how many
     */
    public PurgeSchedule(String thread, String what, Duration retention, Duration every, LongSupplier purge,
            Logger log) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, thread);
            t.setDaemon(true);
            return t;
        });
        long first = Math.min(every.toMillis(), FIRST_ROUND_AFTER.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                long deleted = purge.getAsLong();
                if (deleted > 0) {
                    log.infof("%s: deleted %d %s more than %s ago", thread, deleted, what, readable(retention));
                }
            } catch (RuntimeException | Error e) {
                // anything thrown out of here would cancel every later round without a word
                log.warnf("%s failed, trying again in %s: %s", thread, readable(every), e.toString());
            }
        }, first, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** "7 days" or "1 hour" rather than PT168H in an operator's log. */
    static String readable(Duration d) {
        long seconds = d.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return plural(d.toDays(), "day");
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return plural(d.toHours(), "hour");
        }
        return d.toString();
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
