package io.jixiao.indicator.mapping;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import io.jixiao.indicator.QualitativeTier;

/**
 * The department's word on an indicator: the actual value where it is typed (or, for a qualitative
 * indicator, the tier and the score inside it), and the deviation reason and remedy for any indicator.
 */
public record ActualRequest(
        @Digits(integer = 15, fraction = 8) BigDecimal actual,
        @Size(max = 1000) String actualText,
        QualitativeTier qualitativeTier,
        @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal qualitativeScore,
        @Size(max = 4000) String deviationReason,
        @Size(max = 4000) String remedy) {
}
