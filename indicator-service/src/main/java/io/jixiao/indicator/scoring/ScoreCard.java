package io.jixiao.indicator.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * A department-year's score: per indicator, per group and in total, the grade, and what must still
 * be explained before the self-evaluation can be submitted. Scores are exact; {@link #shown} rounds.
 */
public record ScoreCard(String policy, BigDecimal total, String grade, BigDecimal executionRate,
        List<GroupScore> groups, List<IndicatorScore> indicators, List<RequiredExplanation> requiredExplanations,
        List<UUID> missingActuals) {

    public record GroupScore(ScoreGroup group, BigDecimal weight, BigDecimal score) {
    }

    /** An indicator's score; null when it is not applicable (dropped, the rest rescaled). */
    public record IndicatorScore(UUID indicatorId, String name, ScoreGroup group, BigDecimal weight, BigDecimal score,
            boolean notApplicable) {
    }

    public record RequiredExplanation(String code, UUID indicatorId, String message) {
    }

    /** As the report shows it: 2 decimals, half-up. */
    public static BigDecimal shown(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
