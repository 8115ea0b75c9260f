package io.jixiao.indicator;

/** Where an indicator's actual value comes from. */
public enum ActualSource {
    /** typed by the department */
    ENTERED,
    /** the sum of its output records (or Σ numerators ÷ Σ denominators for a rate) */
    OUTPUT_RECORDS,
    /** the ledger, through budget.events: never typed by hand */
    LEDGER
}
