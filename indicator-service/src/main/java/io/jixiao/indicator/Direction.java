package io.jixiao.indicator;

/** How an actual value compares with its target (DESIGN §6.2). */
public enum Direction {
    /** ≥ target (positive) */
    GE,
    /** ≤ target (reverse, e.g. cost ceilings) */
    LE,
    /** = target */
    EQ,
    /** judged by the evaluator in tiers */
    QUALITATIVE
}
