package io.jixiao.common.outbox;

import java.time.Duration;

/**
 * Counts the relay's interrupts and says when to log them: the first at once, then at most one line per
 * interval, with how many came since the last line. The relay survives each interrupt, so something
 * that interrupts it over and over (a library giving up on its waits) must not flood the log: one run of
 * a line per interrupt would bury everything else in it. The metric counts every one.
 */
final class RelayInterrupts {

    private final long intervalNanos;
    private long unreported;
    private long lastReport;
    private boolean reportedBefore;

    RelayInterrupts(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Records an interrupt at {@code nowNanos} ({@link System#nanoTime()}). Returns how many interrupts to
     * report now, this one included, or 0 when this one waits for the next line.
     */
    long record(long nowNanos) {
        unreported++;
        if (reportedBefore && nowNanos - lastReport < intervalNanos) {
            return 0;
        }
        long report = unreported;
        unreported = 0;
        lastReport = nowNanos;
        reportedBefore = true;
        return report;
    }
}
