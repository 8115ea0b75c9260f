package io.jixiao.budget.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.jixiao.budget.ProjectCategory;
import io.jixiao.common.money.ValidAmount;

/**
 * Registers a project with its approved budget: either as funding lines, or as one {@code budget}
 * (which becomes a single line), or both when they agree. No budget and no lines is a project whose
 * amount is not known yet (the seed's non-tax projects).
 */
public record ProjectRequest(
        @NotNull String departmentCode,
        @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        @NotBlank @Size(max = 300) String name,
        @NotNull ProjectCategory category,
        @Size(max = 300) String fundSource,
        @Size(max = 2000) String legalBasis,
        Boolean paidOnBehalf,
        UUID parentProjectId,
        @ValidAmount(ValidAmount.Sign.NON_NEGATIVE) BigDecimal budget,
        @Size(max = 20) List<@Valid @NotNull FundingLineRequest> fundingLines) {
}
