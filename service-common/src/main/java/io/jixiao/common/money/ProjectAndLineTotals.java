package io.jixiao.common.money;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import io.jixiao.events.Totals;

/**
 * The last totals a batch of budget.events leaves a service's project rows and funding-line rows with, written
 * after the batch with one statement per table ({@link LatestFunds}). Each consumer keeps one per transaction
 * (a {@code @TransactionScoped} subclass naming its tables), so a batch never sees another's.
 */
public abstract class ProjectAndLineTotals {

    private final LatestFunds projects;
    private final LatestFunds lines;

    protected ProjectAndLineTotals(LatestFunds projects, LatestFunds lines) {
        this.projects = projects;
        this.lines = lines;
    }

    public void project(UUID projectId, Totals totals) {
        projects.put(projectId, totals);
    }

    /** A line the table does not hold (it came before its project's registration) is left alone. */
    public void line(UUID fundingLineId, Totals totals) {
        lines.put(fundingLineId, totals);
    }

    public void write(Connection c) throws SQLException {
        projects.write(c);
        lines.write(c);
    }
}
