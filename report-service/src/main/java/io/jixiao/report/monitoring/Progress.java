package io.jixiao.report.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How far along something is against 序时进度 (time progress = month ÷ 12), and its colour
 * (DESIGN §6.4). {@code ratio} is the figure the colour was read from, in percent.
 */
public record Progress(Colour colour, BigDecimal ratio) {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal EIGHTY = BigDecimal.valueOf(80);
    private static final BigDecimal HUNDRED_TWENTY = BigDecimal.valueOf(120);

    /** 序时进度 itself: how much of the year has passed by the end of {@code month}, in percent. */
    public static BigDecimal ofTime(int month) {
        return BigDecimal.valueOf(month * 100L).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    }

    /** Spending: v = execution rate ÷ time progress; red under 60%, yellow 60–<80%, green from 80%. */
    public static Progress ofSpending(BigDecimal spent, BigDecimal budget, int month) {
        if (budget.signum() == 0) {
            return new Progress(Colour.NONE, null);
        }
        BigDecimal v = spent.multiply(HUNDRED).multiply(BigDecimal.valueOf(12))
                .divide(budget.multiply(BigDecimal.valueOf(month)), MC);
        Colour colour = v.compareTo(SIXTY) < 0 ? Colour.RED : v.compareTo(EIGHTY) < 0 ? Colour.YELLOW : Colour.GREEN;
        return new Progress(colour, shown(v));
    }

    /**
     * An indicator by its direction ({@code GE}, {@code LE}, {@code EQ}, {@code QUALITATIVE}): {@code >=} (and {@code =}) by v = actual ÷ (target × month ÷ 12), red under 60%,
     * yellow 60–<80%, green 80–<120%, blue from 120%; {@code <=} green while within its ceiling,
     * red above it; qualitative has no colour.
     */
    public static Progress ofIndicator(String direction, BigDecimal target, BigDecimal actual, int month) {
        if ("QUALITATIVE".equals(direction) || target == null) {
            return new Progress(Colour.NONE, null);
        }
        BigDecimal a = actual == null ? BigDecimal.ZERO : actual;
        if ("LE".equals(direction)) {
            BigDecimal used = target.signum() == 0 ? null : shown(a.multiply(HUNDRED).divide(target, MC));
            return new Progress(a.compareTo(target) <= 0 ? Colour.GREEN : Colour.RED, used);
        }
        if (target.signum() == 0) {
            return new Progress(Colour.GREEN, null);
        }
        BigDecimal v = a.multiply(HUNDRED).multiply(BigDecimal.valueOf(12))
                .divide(target.multiply(BigDecimal.valueOf(month)), MC);
        Colour colour = v.compareTo(SIXTY) < 0 ? Colour.RED
                : v.compareTo(EIGHTY) < 0 ? Colour.YELLOW
                : v.compareTo(HUNDRED_TWENTY) < 0 ? Colour.GREEN : Colour.BLUE;
        return new Progress(colour, shown(v));
    }

    private static BigDecimal shown(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
