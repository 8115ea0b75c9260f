package io.jixiao.events.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.LedgerMoved;
import io.jixiao.events.Totals;

/** jixiao.budget.BudgetAdjusted.v1: a funding line's budget raised or lowered (调整) by {@code amount}. */
public record BudgetAdjusted(String departmentCode, int fiscalYear, UUID projectId, UUID adjustmentId,
        UUID fundingLineId, BigDecimal amount, String reason, String documentRef, Totals lineTotals,
        Totals projectTotals, LocalDate businessDate, Actor actor) implements LedgerMoved {
}
