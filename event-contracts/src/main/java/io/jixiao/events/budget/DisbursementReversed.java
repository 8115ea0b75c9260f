package io.jixiao.events.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.LedgerMoved;
import io.jixiao.events.Totals;

/** jixiao.budget.DisbursementReversed.v1: a disbursement reversed (冲销) by a new entry, for a reason. */
public record DisbursementReversed(String departmentCode, int fiscalYear, UUID projectId, UUID entryId,
        UUID fundingLineId, BigDecimal amount, UUID reversedEntryId, String reason, Totals lineTotals,
        Totals projectTotals, LocalDate businessDate, Actor actor) implements LedgerMoved {
}
