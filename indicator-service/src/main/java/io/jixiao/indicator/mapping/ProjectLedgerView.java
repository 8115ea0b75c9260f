package io.jixiao.indicator.mapping;

import java.util.UUID;

import io.jixiao.common.money.Yuan;
import io.jixiao.indicator.ProjectLedger;

/** What indicator-service knows of a project's money, from budget.events. */
public record ProjectLedgerView(UUID projectId, String name, String category, String budget, String arrived,
        String spent, String executionRate) {

    public static ProjectLedgerView of(ProjectLedger p) {
        return new ProjectLedgerView(p.projectId, p.name, p.category, Yuan.format(p.funds.budget),
                Yuan.format(p.funds.arrived), Yuan.format(p.funds.spent), Yuan.percent(p.funds.spent, p.funds.budget));
    }
}
