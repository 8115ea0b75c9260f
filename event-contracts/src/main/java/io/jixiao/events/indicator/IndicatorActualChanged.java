package io.jixiao.events.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;

/** jixiao.indicator.IndicatorActualChanged.v1: an indicator's actual (实际完成值) and the reasons for a deviation. */
public record IndicatorActualChanged(String departmentCode, int fiscalYear, UUID projectId, UUID indicatorId,
        BigDecimal actual, String actualText, BigDecimal numerator, BigDecimal denominator, String qualitativeTier,
        BigDecimal qualitativeScore, String actualSource, String deviationReason, String remedy,
        LocalDate businessDate, Actor actor) implements EventPayload {
}
