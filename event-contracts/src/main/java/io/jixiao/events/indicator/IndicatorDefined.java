package io.jixiao.events.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;

/** jixiao.indicator.IndicatorDefined.v1: an indicator (绩效指标) of the tree, with its target and weight. */
public record IndicatorDefined(String departmentCode, int fiscalYear, UUID projectId, UUID indicatorId,
        String level1, String level2, String name, String direction, BigDecimal target, String targetText,
        String unit, BigDecimal weight, boolean notApplicable, String actualSource, String ledgerMeasure,
        UUID fundingLineId, LocalDate businessDate, Actor actor) implements EventPayload {
}
