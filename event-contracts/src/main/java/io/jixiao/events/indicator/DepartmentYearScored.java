package io.jixiao.events.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;

/**
 * jixiao.indicator.DepartmentYearScored.v1: a department-year's score under a policy, with the ledger figures
 * (indicator-service's view, in yuan) it was computed on, so that the report can tell whether that view was behind.
 */
public record DepartmentYearScored(String departmentCode, int fiscalYear, UUID projectId, UUID scoreId,
        String policy, BigDecimal total, String grade, BigDecimal executionRate, BigDecimal budget, BigDecimal spent,
        List<GroupScore> groups, List<IndicatorScore> indicators, List<RequiredExplanation> requiredExplanations,
        LocalDate businessDate, Actor actor) implements EventPayload {

    /** A first-level group's (成本, 产出, 效益, 满意度) weight and score. */
    public record GroupScore(String group, BigDecimal weight, BigDecimal score) {
    }

    /** An indicator's weight and score; no score when it could not be scored. */
    public record IndicatorScore(UUID indicatorId, BigDecimal weight, BigDecimal score) {
    }

    /** What the report must explain (a deviation, a missing actual), about an indicator or the whole year. */
    public record RequiredExplanation(String code, UUID indicatorId, String message) {
    }
}
