package io.jixiao.events.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.LedgerMoved;
import io.jixiao.events.Totals;

/** jixiao.budget.FundsSpent.v1: a disbursement (支出) recorded on a funding line. */
public record FundsSpent(String departmentCode, int fiscalYear, UUID projectId, UUID entryId, UUID fundingLineId,
        BigDecimal amount, String payee, String purpose, String voucherNumber, Totals lineTotals,
        Totals projectTotals, LocalDate businessDate, Actor actor) implements LedgerMoved {
}
