package io.jixiao.budget.mapping;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.jixiao.budget.ProjectCategory;
import io.jixiao.common.money.ValidAmount;

/** The figures the portal declares for a department-year, e.g. the seed's "共有项目支出34个 … 1327.19万元". */
public record DeclaredFiguresRequest(
        @NotNull @ValidAmount(ValidAmount.Sign.NON_NEGATIVE) BigDecimal approvedTotal,
        @NotNull Map<ProjectCategory, @NotNull @Min(0) @Max(100000) Integer> projectCounts,
        @NotNull @Min(0) @Max(100000) Integer projectCount,
        @NotNull @ValidAmount(ValidAmount.Sign.NON_NEGATIVE) BigDecimal fundsAllocated) {
}
