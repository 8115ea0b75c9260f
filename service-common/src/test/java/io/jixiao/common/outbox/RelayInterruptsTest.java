package io.jixiao.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RelayInterruptsTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void theFirstInterruptIsReportedAtOnceAndTheRestOncePerInterval() {
        RelayInterrupts interrupts = new RelayInterrupts(Duration.ofMinutes(1));
        long start = -5 * SECOND; // nanoTime may be negative
        assertEquals(1, interrupts.record(start));
        for (int i = 1; i <= 999; i++) {
            assertEquals(0, interrupts.record(start + i * 50_000_000L), "interrupt " + i + " is within the minute");
        }
        // the next one a minute after the first line reports itself and the 999 held back
        assertEquals(1000, interrupts.record(start + 60 * SECOND));
        assertEquals(0, interrupts.record(start + 61 * SECOND));
        assertEquals(2, interrupts.record(start + 121 * SECOND));
    }

    @Test
    void interruptsFarApartAreEachReported() {
        RelayInterrupts interrupts = new RelayInterrupts(Duration.ofMinutes(1));
        assertEquals(1, interrupts.record(0));
        assertEquals(1, interrupts.record(90 * SECOND));
        assertEquals(1, interrupts.record(200 * SECOND));
    }
}
