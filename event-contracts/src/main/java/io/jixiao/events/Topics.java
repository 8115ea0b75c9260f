package io.jixiao.events;

/** The Kafka topics of DESIGN §4. */
public final class Topics {

    /** Key: project id (department code for department-level events). */
    public static final String BUDGET_EVENTS = "budget.events";
    /** Key: project id. */
    public static final String INDICATOR_EVENTS = "indicator.events";
    /** Key: department code + year. */
    public static final String REPORT_EVENTS = "report.events";

    private Topics() {
    }
}
