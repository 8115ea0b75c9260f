package io.jixiao.events.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.LedgerMoved;
import io.jixiao.events.Totals;

/** jixiao.budget.FundsArrived.v1: funds arrived (到位) on a funding line. */
public record FundsArrived(String departmentCode, int fiscalYear, UUID projectId, UUID entryId, UUID fundingLineId,
        BigDecimal amount, String source, String reference, Totals lineTotals, Totals projectTotals,
        LocalDate businessDate, Actor actor) implements LedgerMoved {
}
