package io.jixiao.indicator;

/** 二级指标, each under its level-1 group (DESIGN §2). */
public enum IndicatorLevel2 {
    /** 经济成本 */
    ECONOMIC_COST(IndicatorLevel1.COST),
    /** 社会成本 */
    SOCIAL_COST(IndicatorLevel1.COST),
    /** 生态环境成本 */
    ECOLOGICAL_COST(IndicatorLevel1.COST),
    /** 数量指标 */
    QUANTITY(IndicatorLevel1.OUTPUT),
    /** 质量指标 */
    QUALITY(IndicatorLevel1.OUTPUT),
    /** 时效指标 */
    TIMELINESS(IndicatorLevel1.OUTPUT),
    /** 成本指标 (under output, as the seed's 产出成本) */
    COST(IndicatorLevel1.OUTPUT),
    /** 经济效益 */
    ECONOMIC(IndicatorLevel1.BENEFIT),
    /** 社会效益 */
    SOCIAL(IndicatorLevel1.BENEFIT),
    /** 生态效益 */
    ECOLOGICAL(IndicatorLevel1.BENEFIT),
    /** 可持续影响 */
    SUSTAINABILITY(IndicatorLevel1.BENEFIT),
    /** 服务对象满意度 */
    SERVICE_OBJECT(IndicatorLevel1.SATISFACTION);

    private final IndicatorLevel1 parent;

    IndicatorLevel2(IndicatorLevel1 parent) {
        this.parent = parent;
    }

    public IndicatorLevel1 parent() {
        return parent;
    }
}
