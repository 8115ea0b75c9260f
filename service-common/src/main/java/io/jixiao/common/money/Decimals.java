package io.jixiao.common.money;

import java.math.BigDecimal;

/** Non-money quantities leave the API as plain decimal strings without trailing zeros ("91.43", "2486"). */
public final class Decimals {

    public static String plain(BigDecimal value) {
        return value == null ? null : normalized(value).toPlainString();
    }

    /** Without trailing zeros and never in exponent form: 91.430 is 91.43, 2.486E+3 is 2486. */
    public static BigDecimal normalized(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Scores and percentages as shown: 2 decimals, half-up. */
    public static String shown(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private Decimals() {
    }
}
