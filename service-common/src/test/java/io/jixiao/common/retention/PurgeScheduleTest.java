package io.jixiao.common.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class PurgeScheduleTest {

    /** A scheduled task that throws is never run again: a failed round, whatever failed, must not end the purge. */
    @Test
    void roundsGoOnAfterARoundFailedWithAnError() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        try (PurgeSchedule schedule = new PurgeSchedule("test-purge", "rows", Duration.ofDays(7), Duration.ofMillis(20),
                () -> {
                    third.countDown();
                    return switch (rounds.incrementAndGet()) {
                        case 1 -> throw new OutOfMemoryError("Java heap space (thrown by the test)");
                        case 2 -> throw new IllegalStateException("the database is away (thrown by the test)");
                        default -> 0;
                    };
                }, Logger.getLogger(PurgeScheduleTest.class))) {
            assertTrue(third.await(5, TimeUnit.SECONDS), "rounds run: " + rounds.get());
        }
    }

    @Test
    void retentionsReadAsAnOperatorWritesThem() {
        assertEquals("7 days", PurgeSchedule.readable(Duration.ofDays(7)));
        assertEquals("1 hour", PurgeSchedule.readable(Duration.ofHours(1)));
        assertEquals("PT1M30S", PurgeSchedule.readable(Duration.ofSeconds(90)));
    }
}
