package io.jixiao.indicator;

/** What a ledger-fed indicator measures. */
public enum LedgerMeasure {
    /** money spent on the project (or one funding line of it), in the indicator's unit (元 or 万元) */
    SPENT,
    /** spent ÷ budget, in % (of the project, or of the department-year when the indicator has no project) */
    EXECUTION_RATE
}
