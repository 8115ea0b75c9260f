package io.jixiao.budget.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.jixiao.budget.BudgetAdjustment;
import io.jixiao.common.money.Yuan;

public record BudgetAdjustmentView(UUID id, UUID projectId, UUID fundingLineId, String amount, String reason,
        String documentRef, LocalDate adjustedOn, OffsetDateTime recordedAt, String recordedBy) {

    public static BudgetAdjustmentView of(BudgetAdjustment a) {
        return new BudgetAdjustmentView(a.id, a.projectId, a.fundingLineId, Yuan.format(a.amount), a.reason,
                a.documentRef, a.adjustedOn, a.recordedAt, a.recordedBy);
    }
}
