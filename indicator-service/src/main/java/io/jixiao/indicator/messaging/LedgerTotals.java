package io.jixiao.indicator.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

import io.jixiao.common.money.LatestFunds;
import io.jixiao.events.Totals;
import io.jixiao.indicator.FundingLineLedger;

/**
 * The totals a batch of budget.events leaves each project and funding line with, written with one statement per
 * table after the batch ({@link LatestFunds}). One per transaction, so a batch never sees another's.
 */
@TransactionScoped
public class LedgerTotals {

    private final LatestFunds projects = new LatestFunds("project_ledger", "project_id", ", updated_at = now()");
    private final LatestFunds lines = new LatestFunds("funding_line_ledger", "funding_line_id", "");
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

    void write(Connection c) throws SQLException {
        projects.write(c);
        lines.write(c);
    }
}
