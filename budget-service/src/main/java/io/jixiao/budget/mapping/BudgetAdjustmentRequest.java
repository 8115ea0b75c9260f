package io.jixiao.budget.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.jixiao.common.money.ValidAmount;
import io.jixiao.common.time.BusinessDate;

/** A signed change to a funding line's budget; the line may be omitted when the project has only one. */
public record BudgetAdjustmentRequest(
        UUID fundingLineId,
        @NotNull @ValidAmount(ValidAmount.Sign.NON_ZERO) BigDecimal amount,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 300) String documentRef,
        @NotNull @BusinessDate LocalDate adjustedOn) {
}
