package io.jixiao.report.mapping;

import java.util.Map;

/** The Chinese names the seed document uses for categories, indicator levels and sections. */
public final class Labels {

    public static final Map<String, String> CATEGORY = Map.of(
            "OPENING_BUDGET", "市级一般公共预算资金年初预算项目",
            "NON_TAX_REVENUE", "纳入一般公共预算管理的非税收入拨款项目",
            "MID_YEAR_ADJUSTMENT", "年中调整预算项目",
            "HIGHER_LEVEL_SPECIAL", "上级专项资金项目",
            "CARRY_OVER", "结转项目");

    public static final Map<String, String> LEVEL1 = Map.of(
            "COST", "成本指标", "OUTPUT", "产出指标", "BENEFIT", "效益指标", "SATISFACTION", "满意度指标");

    public static final Map<String, String> LEVEL2 = Map.ofEntries(
            Map.entry("ECONOMIC_COST", "经济成本指标"), Map.entry("SOCIAL_COST", "社会成本指标"),
            Map.entry("ECOLOGICAL_COST", "生态环境成本指标"), Map.entry("QUANTITY", "数量指标"),
            Map.entry("QUALITY", "质量指标"), Map.entry("TIMELINESS", "时效指标"), Map.entry("COST", "成本指标"),
            Map.entry("ECONOMIC", "经济效益指标"), Map.entry("SOCIAL", "社会效益指标"),
            Map.entry("ECOLOGICAL", "生态效益指标"), Map.entry("SUSTAINABILITY", "可持续影响指标"),
            Map.entry("SERVICE_OBJECT", "服务对象满意度指标"));

    public static final Map<String, String> GROUP = Map.of(
            "EXECUTION_RATE", "预算执行率", "COST", "成本指标", "OUTPUT", "产出指标", "BENEFIT", "效益指标",
            "SATISFACTION", "满意度指标");

    public static final Map<String, String> DIRECTION = Map.of("GE", "≥", "LE", "≤", "EQ", "=", "QUALITATIVE", "");

    public static String of(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }

    private Labels() {
    }
}
