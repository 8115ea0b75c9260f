package io.jixiao.budget.mapping;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.jixiao.common.money.ValidAmount;

/** One source of a project's budget, e.g. {@code {"name":"2022年结转","amount":"40000.00","carriedOverFromYear":2022}}. */
public record FundingLineRequest(
        @NotBlank @Size(max = 300) String name,
        @NotNull @ValidAmount(ValidAmount.Sign.NON_NEGATIVE) BigDecimal amount,
        @Min(2000) @Max(2100) Integer carriedOverFromYear) {
}
