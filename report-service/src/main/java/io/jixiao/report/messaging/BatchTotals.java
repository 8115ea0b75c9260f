package io.jixiao.report.messaging;

import jakarta.transaction.TransactionScoped;

import io.jixiao.common.money.LatestFunds;
import io.jixiao.common.money.ProjectAndLineTotals;

/**
 * A batch's last totals for the read model's projects and funding lines, written set-based rather than as entity
 * updates. One per transaction, so the two consumers (and a rebuild) never see each other's batch.
 */
@TransactionScoped
public class BatchTotals extends ProjectAndLineTotals {

    public BatchTotals() {
        super(new LatestFunds("rm_project", "id", ""), new LatestFunds("rm_funding_line", "id", ""));
    }
}
