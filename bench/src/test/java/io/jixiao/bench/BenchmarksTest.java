package io.jixiao.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The write runs' --concurrency: the client counts a user asks for, or a message saying what is wrong. */
class BenchmarksTest {

    @Test
    void takesClientCountsSeparatedByCommas() {
        assertArrayEquals(new int[] { 1, 8, 32, 64 }, Benchmarks.clientCounts("1, 8,32,64"));
        assertArrayEquals(new int[] { 16 }, Benchmarks.clientCounts("16"));
    }

    @Test
    void refusesWhatIsNotACountOrMorePgbenchClientsThanPostgreSqlWouldAccept() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> Benchmarks.clientCounts("8;32"));
        assertTrue(notANumber.getMessage().contains("--concurrency") && notANumber.getMessage().contains("8;32"),
                notANumber.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> Benchmarks.clientCounts("8,128"));
        assertTrue(tooMany.getMessage().contains("from 1 to 64"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Benchmarks.clientCounts("0"));
    }
}
