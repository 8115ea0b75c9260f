package io.jixiao.indicator;

/** 一级指标: the four level-1 groups of the indicator tree. */
public enum IndicatorLevel1 {
    /** 成本指标 */
    COST,
    /** 产出指标 */
    OUTPUT,
    /** 效益指标 */
    BENEFIT,
    /** 满意度指标 */
    SATISFACTION
}
