package io.jixiao.budget;

/** The five kinds of project expenditure (DESIGN §2). */
public enum ProjectCategory {
    /** 年初预算项目 */
    OPENING_BUDGET,
    /** 纳入一般公共预算管理的非税收入拨款项目 */
    NON_TAX_REVENUE,
    /** 年中调整预算项目 */
    MID_YEAR_ADJUSTMENT,
    /** 上级专项资金项目 */
    HIGHER_LEVEL_SPECIAL,
    /** 结转项目 */
    CARRY_OVER
}
