package io.jixiao.budget.mapping;

import java.util.List;
import java.util.UUID;

import io.jixiao.budget.FundingLine;
import io.jixiao.budget.Project;

/** A project's balance, in total and per funding line. */
public record BalanceView(UUID projectId, String projectName, BudgetFigures total, List<LineBalance> lines) {

    public record LineBalance(UUID fundingLineId, String name, BudgetFigures figures) {
    }

    public static BalanceView of(Project project, List<FundingLine> lines) {
        return new BalanceView(project.id, project.name, BudgetFigures.of(FundingLine.totals(lines)),
                lines.stream().map(l -> new LineBalance(l.id, l.name, BudgetFigures.of(l.funds))).toList());
    }
}
