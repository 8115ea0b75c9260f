package io.jixiao.common.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of a native query's result row, as Java types, whichever type the driver and Hibernate gave them. */
public final class SqlValues {

    /**
     * A {@code timestamptz} column: Hibernate returns it as an OffsetDateTime, an Instant or a Timestamp depending
     * on the query's path; null stays null.
     */
    public static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value == null) {
            return null;
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }

    private SqlValues() {
    }
}
