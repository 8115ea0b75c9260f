package io.jixiao.events;

import java.math.BigDecimal;
import java.util.UUID;

/** A funding line as registered: its name, its budget in yuan, and the year it was carried over from, if any. */
public record FundingLineBudget(UUID fundingLineId, String name, BigDecimal amount, Integer carriedOverFromYear) {
}
