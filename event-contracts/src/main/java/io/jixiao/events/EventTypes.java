package io.jixiao.events;

import java.util.List;
import java.util.Map;

import io.jixiao.events.budget.ArrivalReversed;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.DeclaredFiguresRecorded;
import io.jixiao.events.budget.DepartmentRegistered;
import io.jixiao.events.budget.DisbursementReversed;
import io.jixiao.events.budget.FundingLineAdded;
import io.jixiao.events.budget.FundsArrived;
import io.jixiao.events.budget.FundsSpent;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.events.indicator.DepartmentYearScored;
import io.jixiao.events.indicator.GoalDefined;
import io.jixiao.events.indicator.IndicatorActualChanged;
import io.jixiao.events.indicator.IndicatorDefined;
import io.jixiao.events.report.DepartmentYearClosed;
import io.jixiao.events.report.DepartmentYearReopened;

/**
 * Every event type the platform publishes, as its CloudEvents {@code ce_type}: {@code jixiao.<service>.<Name>.v<version>}.
 * Each has a JSON Schema at {@code schemas/<service>/<Name>.v<version>.json} and a record ({@link #payloadOf}).
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

    private static final Map<String, Class<? extends EventPayload>> PAYLOADS = Map.ofEntries(
            Map.entry(DEPARTMENT_REGISTERED, DepartmentRegistered.class),
            Map.entry(PROJECT_REGISTERED, ProjectRegistered.class),
            Map.entry(FUNDING_LINE_ADDED, FundingLineAdded.class),
            Map.entry(BUDGET_ADJUSTED, BudgetAdjusted.class),
            Map.entry(FUNDS_ARRIVED, FundsArrived.class),
            Map.entry(FUNDS_SPENT, FundsSpent.class),
            Map.entry(ARRIVAL_REVERSED, ArrivalReversed.class),
            Map.entry(DISBURSEMENT_REVERSED, DisbursementReversed.class),
            Map.entry(DECLARED_FIGURES_RECORDED, DeclaredFiguresRecorded.class),
            Map.entry(GOAL_DEFINED, GoalDefined.class),
            Map.entry(INDICATOR_DEFINED, IndicatorDefined.class),
            Map.entry(INDICATOR_ACTUAL_CHANGED, IndicatorActualChanged.class),
            Map.entry(DEPARTMENT_YEAR_SCORED, DepartmentYearScored.class),
            Map.entry(DEPARTMENT_YEAR_CLOSED, DepartmentYearClosed.class),
            Map.entry(DEPARTMENT_YEAR_REOPENED, DepartmentYearReopened.class));

    public static final List<String> ALL = PAYLOADS.keySet().stream().sorted().toList();

    /** The record a type's payload reads as. */
    public static Class<? extends EventPayload> payloadOf(String type) {
        Class<? extends EventPayload> payload = PAYLOADS.get(type);
        if (payload == null) {
            throw new IllegalArgumentException("not a Jixiao event type: " + type);
        }
        return payload;
    }

    /** The type a record is the payload of. */
    public static String typeOf(EventPayload payload) {
        return PAYLOADS.entrySet().stream().filter(e -> e.getValue() == payload.getClass()).findFirst()
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalArgumentException(payload.getClass() + " is not an event payload"));
    }

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
