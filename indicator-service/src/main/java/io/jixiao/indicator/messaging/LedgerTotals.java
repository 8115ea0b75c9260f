package io.jixiao.indicator.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.TransactionScoped;

import io.jixiao.common.money.LatestFunds;
import io.jixiao.common.money.ProjectAndLineTotals;
import io.jixiao.indicator.FundingLineLedger;

/**
 * A batch's last totals for the projects and funding lines of indicator-service's ledger view, written
 * set-based, and the line entities the batch wrote, whose session copies the totals make stale. One per
 * transaction, so a batch never sees another's.
 */
@TransactionScoped
public class LedgerTotals extends ProjectAndLineTotals {

    private final List<FundingLineLedger> written = new ArrayList<>();

    public LedgerTotals() {
        super(new LatestFunds("project_ledger", "project_id", ", updated_at = now()"),
                new LatestFunds("funding_line_ledger", "funding_line_id", ""));
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
}
