package io.jixiao.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FundsTest {

    @Test
    void availableAndRemainingBudgetFollowFromTheThreeFigures() {
        Funds line = new Funds(new BigDecimal("250000"), new BigDecimal("200000.00"), new BigDecimal("149999.99"));
        assertEquals(new BigDecimal("50000.01"), line.available());
        assertEquals(new BigDecimal("50000.00"), line.remainingBudget());
        assertEquals("budget 250000.00, arrived 200000.00, spent 149999.99", line.toString());
    }

    @Test
    void aProjectsFiguresAreTheSumOfItsLinesExactToTheFen() {
        Funds total = new Funds().plus(new Funds(new BigDecimal("0.10"), new BigDecimal("0.10"), BigDecimal.ZERO))
                .plus(new Funds(new BigDecimal("0.20"), new BigDecimal("0.05"), new BigDecimal("0.05")));
        assertEquals(new Funds(new BigDecimal("0.3"), new BigDecimal("0.15"), new BigDecimal("0.05")), total);
        assertEquals("0.30", total.budget.toPlainString());
    }

    @Test
    void anAmountFinerThanAFenIsRefusedNotRounded() {
        assertThrows(ArithmeticException.class, () -> new Funds(new BigDecimal("0.001"), BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void wanIsTenThousandYuanRoundedHalfUpToTwoDecimals() {
        assertEquals("1327.18", Yuan.wan(new BigDecimal("13271849.99")));
        assertEquals("1327.19", Yuan.wan(new BigDecimal("13271850.00")));
    }
}
