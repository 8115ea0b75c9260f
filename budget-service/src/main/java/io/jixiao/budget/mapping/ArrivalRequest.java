package io.jixiao.budget.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.jixiao.common.money.ValidAmount;
import io.jixiao.common.time.BusinessDate;

/** Funds arrived from the treasury (资金到位) on a funding line. */
public record ArrivalRequest(
        UUID fundingLineId,
        @NotNull @ValidAmount BigDecimal amount,
        @NotNull @BusinessDate LocalDate arrivedOn,
        @Size(max = 300) String source,
        @Size(max = 200) String reference) {
}
