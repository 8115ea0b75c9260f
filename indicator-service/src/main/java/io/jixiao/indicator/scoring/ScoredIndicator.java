package io.jixiao.indicator.scoring;

import java.math.BigDecimal;
import java.util.UUID;

import io.jixiao.indicator.Direction;
import io.jixiao.indicator.IndicatorLevel1;
import io.jixiao.indicator.QualitativeTier;

/** What scoring needs to know of one indicator. */
public record ScoredIndicator(UUID id, String name, IndicatorLevel1 level1, Direction direction, BigDecimal target,
        BigDecimal actual, BigDecimal weight, boolean notApplicable, QualitativeTier tier, BigDecimal qualitativeScore,
        String deviationReason) {

    public boolean hasActual() {
        return direction == Direction.QUALITATIVE ? tier != null && qualitativeScore != null : actual != null;
    }
}
