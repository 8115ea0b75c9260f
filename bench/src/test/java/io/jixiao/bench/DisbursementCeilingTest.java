package io.jixiao.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The database-only disbursement runs on the machine's PostgreSQL, with pgbench, as the bench runs them. */
class DisbursementCeilingTest {

    @Test
    void everyWayAppendsAnEntryPerDisbursementAndKeepsTheLinesTotals() throws Exception {
        try (DisbursementCeiling ceiling = DisbursementCeiling.create()) {
            // the one-statement rates count only if their entries are there: the calls check them
            assertTrue(ceiling.oneStatementPerSecond(2, 2) > 0);
            assertTrue(ceiling.entryAndTotalPerSecond(2, 2) > 0);
            assertTrue(ceiling.statementByStatementPerSecond(2, 2) > 0);
            assertEquals(0, ceiling.linesOutOfBalance(), "every line's spent total is the sum of its entries");
        }
    }
}
