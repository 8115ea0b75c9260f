package io.jixiao.indicator.mapping;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.jixiao.indicator.ActualSource;
import io.jixiao.indicator.Direction;
import io.jixiao.indicator.IndicatorLevel1;
import io.jixiao.indicator.IndicatorLevel2;
import io.jixiao.indicator.LedgerMeasure;

/**
 * Defines a level-3 indicator. A cost ceiling fed by the ledger, for example:
 * {@code {"level1":"COST","level2":"ECONOMIC_COST","name":"智慧怀化工作经费","direction":"LE","target":"30",
 * "unit":"万元","actualSource":"LEDGER","ledgerMeasure":"SPENT","fundingLineId":"…"}}.
 */
public record IndicatorRequest(
        @NotNull String departmentCode,
        @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        UUID projectId,
        @NotNull IndicatorLevel1 level1,
        @NotNull IndicatorLevel2 level2,
        @NotBlank @Size(max = 500) String name,
        @NotNull Direction direction,
        @DecimalMin("0") @Digits(integer = 15, fraction = 8) BigDecimal target,
        @Size(max = 500) String targetText,
        @Size(max = 32) String unit,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal weight,
        Boolean notApplicable,
        @NotNull ActualSource actualSource,
        LedgerMeasure ledgerMeasure,
        UUID fundingLineId) {
}
