package io.jixiao.report.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

import io.jixiao.common.money.LatestFunds;
import io.jixiao.events.Totals;

/**
 * The totals a batch of budget.events leaves each read-model project and funding line with, written with one
 * statement per table after the batch ({@link LatestFunds}) rather than as entity updates. One per transaction,
 * so the two consumers (and a rebuild) never see each other's batch.
 */
@TransactionScoped
public class BatchTotals {

    private final LatestFunds projects = new LatestFunds("rm_project", "id", "");
    private final LatestFunds lines = new LatestFunds("rm_funding_line", "id", "");

    void project(UUID projectId, Totals totals) {
        projects.put(projectId, totals);
    }

    void line(UUID fundingLineId, Totals totals) {
        lines.put(fundingLineId, totals);
    }

    void write(Connection c) throws SQLException {
        projects.write(c);
        lines.write(c);
    }
}
