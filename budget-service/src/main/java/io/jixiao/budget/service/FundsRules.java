package io.jixiao.budget.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jixiao.budget.FundingLine;
import io.jixiao.budget.Project;
import io.jixiao.common.money.Yuan;
import io.jixiao.common.problem.ProblemException;

/**
 * The funds rules, once, for every path that moves a funding line's totals (the single writes of
 * {@link LedgerService} and the group commit of {@link DisbursementBatch}). Each checks the rule against the line
 * as the caller holds it (under the project's lock) and moves its total, or refuses with the figures:
 * <ul>
 * <li>an arrival may not exceed the line's remaining budget (budget − arrived);</li>
 * <li>a disbursement may not exceed the line's available funds (arrived − spent);</li>
 * <li>reversing an arrival may not leave more spent than arrived;</li>
 * <li>an adjustment may not bring a budget below what has already arrived.</li>
 * </ul>
 */
final class FundsRules {

    /** The line an entry names; without a name, the project's only line. */
    static FundingLine line(Project project, List<FundingLine> lines, UUID fundingLineId) {
        if (fundingLineId != null) {
            return lines.stream().filter(l -> l.id.equals(fundingLineId)).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("fundingLineId",
                            "is not a funding line of project " + project.id));
        }
        if (lines.size() == 1) {
            return lines.get(0);
        }
        if (lines.isEmpty()) {
            throw ProblemException.ruleBroken("no-budget", "Project has no budget",
                    "project '" + project.name + "' has no funding line yet: its budget must be approved first",
                    Map.of("projectId", project.id, "projectName", project.name));
        }
        throw ProblemException.invalidField("fundingLineId",
                "is required: project '" + project.name + "' has " + lines.size() + " funding lines");
    }

    static void arrive(Project project, FundingLine line, BigDecimal amount) {
        requireWithin(amount, line.funds.remainingBudget(), "remainingBudget", "arrival-exceeds-budget",
                "Arrival exceeds the remaining budget", "an arrival of %s exceeds the %s of budget not yet arrived on %s",
                project, line);
        line.funds.arrived = line.funds.arrived.add(amount);
    }

    static void spend(Project project, FundingLine line, BigDecimal amount) {
        requireWithin(amount, line.funds.available(), "available", "insufficient-funds",
                "Disbursement exceeds the available funds", "a disbursement of %s exceeds the %s available (arrived − spent) on %s",
                project, line);
        line.funds.spent = line.funds.spent.add(amount);
    }

    static void reverseArrival(Project project, FundingLine line, BigDecimal amount) {
        BigDecimal arrivedAfter = line.funds.arrived.subtract(amount);
        if (arrivedAfter.compareTo(line.funds.spent) < 0) {
            throw refusal("reversal-exceeds-available", "Reversal would leave more spent than arrived",
                    "reversing an arrival of " + Yuan.format(amount) + " would leave " + Yuan.format(line.funds.spent)
                            + " spent against " + Yuan.format(arrivedAfter) + " arrived on " + describe(project, line),
                    project, line, "available", line.funds.available(), amount);
        }
        line.funds.arrived = arrivedAfter;
    }

    static void reverseDisbursement(FundingLine line, BigDecimal amount) {
        line.funds.spent = line.funds.spent.subtract(amount);
    }

    static void adjust(Project project, FundingLine line, BigDecimal amount) {
        BigDecimal budgetAfter = line.funds.budget.add(amount);
        if (budgetAfter.compareTo(line.funds.arrived) < 0) {
            throw refusal("budget-below-arrived", "Adjustment would bring the budget below the funds arrived",
                    "an adjustment of " + Yuan.format(amount) + " would bring the budget of " + describe(project, line)
                            + " to " + Yuan.format(budgetAfter) + ", below the " + Yuan.format(line.funds.arrived) + " arrived",
                    project, line, "arrived", line.funds.arrived, amount);
        }
        line.funds.budget = budgetAfter;
    }

    /** Refuses an amount above the line's limit; the detail names the amount, the limit and the line, in that order. */
    private static void requireWithin(BigDecimal amount, BigDecimal limit, String limitName, String type, String title,
            String detail, Project project, FundingLine line) {
        if (amount.compareTo(limit) > 0) {
            throw refusal(type, title, String.format(detail, Yuan.format(amount), Yuan.format(limit), describe(project, line)),
                    project, line, limitName, limit, amount);
        }
    }

    private static ProblemException refusal(String type, String title, String detail, Project project, FundingLine line,
            String limitName, BigDecimal limit, BigDecimal requested) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("projectId", project.id);
        figures.put("projectName", project.name);
        figures.put("fundingLineId", line.id);
        figures.put("fundingLineName", line.name);
        figures.put(limitName, Yuan.format(limit));
        figures.put("requested", Yuan.format(requested));
        return ProblemException.ruleBroken(type, title, detail, figures);
    }

    private static String describe(Project project, FundingLine line) {
        return "project '" + project.name + "' (" + project.id + "), line '" + line.name + "'";
    }

    private FundsRules() {
    }
}
