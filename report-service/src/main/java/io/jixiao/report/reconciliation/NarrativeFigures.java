package io.jixiao.report.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures a department quotes in its own text — "资金到位1327.19万元", "执行率93.48%" — so
 * they can be held against the ledger. Only a keyword right before its number counts (a few linking
 * characters allowed), so "支出较预算节约86.59万元" is a saving, not spending.
 */
public final class NarrativeFigures {

    /** What a quoted figure claims to be. */
    public enum Metric {
        BUDGET("万元", "预算资金总额"),
        ARRIVED("万元", "资金到位"),
        SPENT("万元", "支出"),
        SAVINGS("万元", "节约"),
        ARRIVAL_RATE("%", "资金到位率"),
        EXECUTION_RATE("%", "预算执行率"),
        COST_CONTROL_RATE("%", "成本控制率");

        public final String unit;
        public final String label;

        Metric(String unit, String label) {
            this.unit = unit;
            this.label = label;
        }
    }

    public record Quoted(Metric metric, BigDecimal value, String text) {
    }

    private static final Pattern FIGURE = Pattern.compile(
            "(预算资金总额|预算下达金额|下拨专项资金共|到位率|执行率|成本控制率|到位|支出|节约|结余)"
                    + "((?:资金|[\\s:：为共达约是总]){0,3})"
                    + "([0-9]+(?:\\.[0-9]+)?)\\s*(万元|%)");

    public static List<Quoted> in(String text) {
        List<Quoted> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            Metric metric = metric(m.group(1), m.group(4));
            if (metric != null) {
                found.add(new Quoted(metric, new BigDecimal(m.group(3)), m.group()));
            }
        }
        return found;
    }

    private static Metric metric(String keyword, String unit) {
        boolean percent = unit.equals("%");
        return switch (keyword) {
            case "预算资金总额", "预算下达金额", "下拨专项资金共" -> percent ? null : Metric.BUDGET;
            case "到位" -> percent ? Metric.ARRIVAL_RATE : Metric.ARRIVED;
            case "到位率" -> percent ? Metric.ARRIVAL_RATE : null;
            case "执行率" -> percent ? Metric.EXECUTION_RATE : null;
            case "成本控制率" -> percent ? Metric.COST_CONTROL_RATE : null;
            case "支出" -> percent ? null : Metric.SPENT;
            case "节约", "结余" -> percent ? null : Metric.SAVINGS;
            default -> null;
        };
    }

    private NarrativeFigures() {
    }
}
