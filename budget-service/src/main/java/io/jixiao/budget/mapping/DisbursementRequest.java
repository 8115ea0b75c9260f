package io.jixiao.budget.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.jixiao.common.money.ValidAmount;
import io.jixiao.common.time.BusinessDate;

/** Money spent (支出) from a funding line. */
public record DisbursementRequest(
        UUID fundingLineId,
        @NotNull @ValidAmount BigDecimal amount,
        @NotNull @BusinessDate LocalDate spentOn,
        @NotBlank @Size(max = 300) String payee,
        @NotBlank @Size(max = 1000) String purpose,
        @Size(max = 200) String voucherNumber) {
}
