package io.jixiao.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How money and rates leave the API: yuan (or 万元 in reports) and percentages as decimal strings with 2 decimals. */
public final class Yuan {

    /** Amounts beyond this are refused as absurd (a trillion yuan; NUMERIC(18,2) holds far more). */
    public static final BigDecimal ABSURD = new BigDecimal("1000000000000.00");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public static String format(BigDecimal amount) {
        return amount == null ? null : exact(amount).toPlainString();
    }

    /** The amount at two decimals, as events carry it; an amount with more (never accepted) fails loudly. */
    public static BigDecimal exact(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * {@code part ÷ whole} as a percentage rounded half-up to 2 decimals, computed from the unrounded
     * figures; null when the whole is zero (a rate of nothing is not 0%).
     */
    public static String percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Yuan as 万元 (ten thousand yuan), rounded half-up to 2 decimals: how the reports state their figures. */
    public static String wan(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private Yuan() {
    }
}
