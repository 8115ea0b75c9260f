package io.jixiao.common.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Columns of many rows as PostgreSQL arrays, for set-based statements ({@code unnest(?::text[], ...)}): one
 * statement writes or reads a whole group whatever its size. Values travel as text and are cast in the SQL.
 */
public final class SqlArrays {

    /** One column of the rows, each value as its text (null stays null). */
    public static <T> Array text(Connection c, List<T> rows, Function<T, Object> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = column.apply(rows.get(i));
            values[i] = value == null ? null : value.toString();
        }
        return c.createArrayOf("text", values);
    }

    public static Array uuids(Connection c, Collection<?> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }

    private SqlArrays() {
    }
}
