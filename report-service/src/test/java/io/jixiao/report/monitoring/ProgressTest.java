package io.jixiao.report.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


/** DESIGN §6.4 at each colour's edges; month 6 is half the year. */
class ProgressTest {

    @ParameterizedTest(name = "spent {0} of 100 by month {1} → {2}")
    @CsvSource({ "29.99, 6, RED", "30, 6, YELLOW", "39.99, 6, YELLOW", "40, 6, GREEN", "50, 6, GREEN", "100, 12, GREEN",
            "79.99, 12, YELLOW" })
    void spending(BigDecimal spent, int month, Colour colour) {
        assertEquals(colour, Progress.ofSpending(spent, BigDecimal.valueOf(100), month).colour());
    }

    @ParameterizedTest(name = "{0} target 1200 actual {1} by month 6 → {2}")
    @CsvSource({ "GE, 359.99, RED", "GE, 360, YELLOW", "GE, 480, GREEN", "GE, 719.99, GREEN", "GE, 720, BLUE",
            "LE, 1200, GREEN", "LE, 1200.01, RED", "QUALITATIVE, 1, NONE" })
    void indicators(String direction, BigDecimal actual, Colour colour) {
        BigDecimal target = direction.equals("QUALITATIVE") ? null : BigDecimal.valueOf(1200);
        assertEquals(colour, Progress.ofIndicator(direction, target, actual, 6).colour());
    }

    @Test
    void theFigureBehindAColourIsKept() {
        assertEquals(new BigDecimal("80.00"), Progress.ofSpending(BigDecimal.valueOf(40), BigDecimal.valueOf(100), 6).ratio());
    }

    @Test
    void aProjectTakesItsWorstColourAndRedSortsFirst() {
        assertEquals(Colour.RED, Colour.GREEN.worse(Colour.RED));
        assertEquals(Colour.YELLOW, Colour.BLUE.worse(Colour.YELLOW));
        assertEquals(Colour.BLUE, Colour.GREEN.worse(Colour.BLUE));
    }
}
