package io.jixiao.indicator.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

import io.jixiao.common.jdbc.SqlArrays;
import io.jixiao.events.Totals;
import io.jixiao.indicator.FundingLineLedger;

/**
 * The totals a batch of budget.events leaves each project and funding line with: each event carries the totals
 * after it and a project's events arrive in order, so the last one per row is the row's new state. Written with
 * one statement per table for the whole batch ({@link #write}), instead of an entity update per row. One per
 * transaction, so a batch never sees another's.
 */
@TransactionScoped
public class LedgerTotals {

    private static final String PROJECTS = """
            update project_ledger p set budget = t.budget::numeric, arrived = t.arrived::numeric,
                spent = t.spent::numeric, updated_at = now()
              from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(id, budget, arrived, spent)
              where p.project_id = t.id::uuid""";

    private static final String LINES = """
            update funding_line_ledger l set budget = t.budget::numeric, arrived = t.arrived::numeric,
                spent = t.spent::numeric
              from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(id, budget, arrived, spent)
              where l.funding_line_id = t.id::uuid""";

    private final Map<UUID, Totals> projects = new LinkedHashMap<>();
    private final Map<UUID, Totals> lines = new LinkedHashMap<>();
    private final List<FundingLineLedger> written = new ArrayList<>();

    void project(UUID projectId, Totals totals) {
        projects.put(projectId, totals);
    }

    /** A line that does not exist here (it came before its project's registration) is left alone, as before. */
    void line(UUID fundingLineId, Totals totals) {
        lines.put(fundingLineId, totals);
    }

    /** A line the batch registered or added as an entity: after {@link #write}, its session copy is stale. */
    void lineWritten(FundingLineLedger line) {
        written.add(line);
    }

    /** The lines to read back once the batch's totals are written; forgotten as they are handed over. */
    List<FundingLineLedger> linesToReadBack() {
        List<FundingLineLedger> stale = new ArrayList<>(written);
        written.clear();
        return stale;
    }

    /** Writes what the batch left and forgets it, so the transaction's next batch starts empty. */
    void write(Connection c) throws SQLException {
        update(c, PROJECTS, projects);
        update(c, LINES, lines);
        projects.clear();
        lines.clear();
    }

    private static void update(Connection c, String sql, Map<UUID, Totals> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Totals>> entries = new ArrayList<>(rows.entrySet());
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, SqlArrays.text(c, entries, e -> e.getKey()));
            // plain digits: a BigDecimal's toString may write 1E+3
            st.setArray(2, SqlArrays.text(c, entries, e -> e.getValue().budget().toPlainString()));
            st.setArray(3, SqlArrays.text(c, entries, e -> e.getValue().arrived().toPlainString()));
            st.setArray(4, SqlArrays.text(c, entries, e -> e.getValue().spent().toPlainString()));
            st.executeUpdate();
        }
    }
}
