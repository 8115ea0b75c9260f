package io.jixiao.common.money;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jixiao.common.jdbc.SqlArrays;
import io.jixiao.events.Totals;

/**
 * The totals a batch of budget.events leaves rows of one table with (its {@code budget}, {@code arrived} and
 * {@code spent} columns): each money event carries the totals after it and a project's events arrive in order,
 * so the last one per row is the row's new state. Written with one statement for the whole batch, instead of an
 * entity update per row; a row the table does not hold is left alone.
 */
public final class LatestFunds {

    private final String update;
    private final Map<UUID, Totals> rows = new LinkedHashMap<>();

    /** {@code alsoSet}: more assignments for each row written ({@code ", updated_at = now()"}), or empty. */
    public LatestFunds(String table, String idColumn, String alsoSet) {
        this.update = "update " + table + " r set budget = t.budget::numeric, arrived = t.arrived::numeric,"
                + " spent = t.spent::numeric" + alsoSet
                + " from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(id, budget, arrived, spent)"
                + " where r." + idColumn + " = t.id::uuid";
    }

    public void put(UUID id, Totals totals) {
        rows.put(id, totals);
    }

    /** Writes the batch's last totals and forgets them, so the next batch starts empty. */
    public void write(Connection c) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Totals>> entries = new ArrayList<>(rows.entrySet());
        try (PreparedStatement st = c.prepareStatement(update)) {
            st.setArray(1, SqlArrays.text(c, entries, Map.Entry::getKey));
            // plain digits: a BigDecimal's toString may write 1E+3
            st.setArray(2, SqlArrays.text(c, entries, e -> e.getValue().budget().toPlainString()));
            st.setArray(3, SqlArrays.text(c, entries, e -> e.getValue().arrived().toPlainString()));
            st.setArray(4, SqlArrays.text(c, entries, e -> e.getValue().spent().toPlainString()));
            st.executeUpdate();
        }
        rows.clear();
    }
}
