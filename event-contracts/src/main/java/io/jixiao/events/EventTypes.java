package io.jixiao.events;

import java.util.List;

/**
 * Every event type the platform publishes, as its CloudEvents {@code ce_type}: {@code jixiao.<service>.<Name>.v<version>}.
 * Each has a JSON Schema at {@code schemas/<service>/<Name>.v<version>.json}.
 */
public final class EventTypes {

    public static final String DEPARTMENT_REGISTERED = "jixiao.budget.DepartmentRegistered.v1";
    public static final String PROJECT_REGISTERED = "jixiao.budget.ProjectRegistered.v1";
    public static final String FUNDING_LINE_ADDED = "jixiao.budget.FundingLineAdded.v1";
    public static final String BUDGET_ADJUSTED = "jixiao.budget.BudgetAdjusted.v1";
    public static final String FUNDS_ARRIVED = "jixiao.budget.FundsArrived.v1";
    public static final String FUNDS_SPENT = "jixiao.budget.FundsSpent.v1";
    public static final String ARRIVAL_REVERSED = "jixiao.budget.ArrivalReversed.v1";
    public static final String DISBURSEMENT_REVERSED = "jixiao.budget.DisbursementReversed.v1";
    public static final String DECLARED_FIGURES_RECORDED = "jixiao.budget.DeclaredFiguresRecorded.v1";

    public static final String GOAL_DEFINED = "jixiao.indicator.GoalDefined.v1";
    public static final String INDICATOR_DEFINED = "jixiao.indicator.IndicatorDefined.v1";
    public static final String INDICATOR_ACTUAL_CHANGED = "jixiao.indicator.IndicatorActualChanged.v1";
    public static final String DEPARTMENT_YEAR_SCORED = "jixiao.indicator.DepartmentYearScored.v1";

    public static final String DEPARTMENT_YEAR_CLOSED = "jixiao.report.DepartmentYearClosed.v1";
    public static final String DEPARTMENT_YEAR_REOPENED = "jixiao.report.DepartmentYearReopened.v1";

    public static final List<String> ALL = List.of(
            DEPARTMENT_REGISTERED, PROJECT_REGISTERED, FUNDING_LINE_ADDED, BUDGET_ADJUSTED, FUNDS_ARRIVED,
            FUNDS_SPENT, ARRIVAL_REVERSED, DISBURSEMENT_REVERSED, DECLARED_FIGURES_RECORDED,
            GOAL_DEFINED, INDICATOR_DEFINED, INDICATOR_ACTUAL_CHANGED, DEPARTMENT_YEAR_SCORED,
            DEPARTMENT_YEAR_CLOSED, DEPARTMENT_YEAR_REOPENED);

    /** The topic a type of ours is published on: its service's ({@code jixiao.budget.*} on budget.events). */
    public static String topicOf(String type) {
        return service(type) + ".events";
    }

    /** The CloudEvents {@code ce_source} of the one service that publishes a type of ours. */
    public static String sourceOf(String type) {
        return "/jixiao/" + service(type) + "-service";
    }

    private static String service(String type) {
        schemaPath(type);
        return type.split("\\.")[1];
    }

    /** Where a type's schema lives, relative to {@code schemas/}: {@code budget/FundsSpent.v1.json}. */
    static String schemaPath(String type) {
        String[] parts = type.split("\\.");
        if (parts.length != 4 || !parts[0].equals("jixiao") || !parts[3].matches("v[0-9]+")) {
            throw new IllegalArgumentException("not a Jixiao event type: " + type);
        }
        return parts[1] + "/" + parts[2] + "." + parts[3] + ".json";
    }

    private EventTypes() {
    }
}
