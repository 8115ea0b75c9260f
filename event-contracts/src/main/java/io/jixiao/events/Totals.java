package io.jixiao.events;

import java.math.BigDecimal;

/** A funding line's or a project's figures after an event, in yuan (two decimals). */
public record Totals(BigDecimal budget, BigDecimal arrived, BigDecimal spent) {
}
