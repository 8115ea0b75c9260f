package io.jixiao.indicator.scoring;

import static io.jixiao.indicator.scoring.IndicatorScorer.EXACT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jixiao.indicator.Direction;
import io.jixiao.indicator.scoring.ScoreCard.GroupScore;
import io.jixiao.indicator.scoring.ScoreCard.IndicatorScore;
import io.jixiao.indicator.scoring.ScoreCard.RequiredExplanation;

/**
 * Scores a department-year under a policy (DESIGN §6): the execution-rate line from the ledger, every
 * indicator by its rule, each group's weights checked against the group's total, not-applicable
 * indicators dropped and the rest rescaled to 100, and the grade from the total as shown.
 */
public final class DepartmentYearScorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DepartmentYearScorer() {
    }

    public static ScoreCard score(ScoringPolicy policy, List<ScoredIndicator> indicators, BigDecimal spent,
            BigDecimal budget) {
        requireWeightsAddUp(policy, indicators);

        BigDecimal executionRate = budget.signum() == 0 ? null : spent.multiply(HUNDRED).divide(budget, EXACT);
        BigDecimal executionWeight = policy.groupWeights().get(ScoreGroup.EXECUTION_RATE);
        BigDecimal executionScore = executionRate == null ? BigDecimal.ZERO
                : executionWeight.multiply(executionRate.divide(HUNDRED, EXACT).min(BigDecimal.ONE), EXACT);

        Map<ScoreGroup, BigDecimal> groupScores = new EnumMap<>(ScoreGroup.class);
        groupScores.put(ScoreGroup.EXECUTION_RATE, executionScore);
        BigDecimal applicableWeight = executionWeight;
        List<IndicatorScore> scored = new ArrayList<>();
        List<UUID> missing = new ArrayList<>();
        for (ScoredIndicator indicator : indicators) {
            ScoreGroup group = ScoreGroup.of(indicator.level1(), policy);
            if (indicator.notApplicable()) {
                scored.add(new IndicatorScore(indicator.id(), indicator.name(), group, indicator.weight(), null, true));
                continue;
            }
            if (!indicator.hasActual()) {
                missing.add(indicator.id());
            }
            BigDecimal score = IndicatorScorer.score(indicator, policy);
            scored.add(new IndicatorScore(indicator.id(), indicator.name(), group, indicator.weight(), score, false));
            groupScores.merge(group, score, BigDecimal::add);
            applicableWeight = applicableWeight.add(indicator.weight());
        }

        BigDecimal raw = groupScores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal possible = policy.groupWeights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = applicableWeight.signum() == 0 ? BigDecimal.ZERO
                : raw.multiply(possible).divide(applicableWeight, EXACT);

        List<GroupScore> groups = new ArrayList<>();
        policy.groupWeights().forEach((group, weight) -> groups.add(
                new GroupScore(group, weight, groupScores.getOrDefault(group, BigDecimal.ZERO))));
        groups.sort((a, b) -> a.group().compareTo(b.group()));

        return new ScoreCard(policy.name(), total, grade(policy, total), executionRate, groups, scored,
                requiredExplanations(policy, indicators, executionRate), missing);
    }

    /** Within each group the indicators' weights (not-applicable ones included) add up to the group's total. */
    static void requireWeightsAddUp(ScoringPolicy policy, List<ScoredIndicator> indicators) {
        Map<ScoreGroup, BigDecimal> sums = new EnumMap<>(ScoreGroup.class);
        for (ScoredIndicator indicator : indicators) {
            sums.merge(ScoreGroup.of(indicator.level1(), policy), indicator.weight(), BigDecimal::add);
        }
        List<String> problems = new ArrayList<>();
        policy.groupWeights().forEach((group, weight) -> {
            if (group == ScoreGroup.EXECUTION_RATE) {
                return;
            }
            BigDecimal sum = sums.getOrDefault(group, BigDecimal.ZERO);
            if (sum.compareTo(weight) != 0) {
                problems.add("the " + group + " indicators' weights add up to " + sum.stripTrailingZeros().toPlainString()
                        + ", but the group's total under " + policy.name() + " is "
                        + weight.stripTrailingZeros().toPlainString());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidScoreException("weight", problems);
        }
    }

    /** Half-open bands on the total as shown: 89.99 is 良, 90.00 is 优. */
    static String grade(ScoringPolicy policy, BigDecimal total) {
        BigDecimal shown = total.setScale(2, RoundingMode.HALF_UP);
        for (ScoringPolicy.GradeBand band : policy.gradeBands()) {
            if (shown.compareTo(band.minimum()) >= 0) {
                return band.grade();
            }
        }
        return policy.gradeBands().get(policy.gradeBands().size() - 1).grade();
    }

    static List<RequiredExplanation> requiredExplanations(ScoringPolicy policy, List<ScoredIndicator> indicators,
            BigDecimal executionRate) {
        List<RequiredExplanation> required = new ArrayList<>();
        if (executionRate != null && executionRate.compareTo(policy.executionExplanationBelow()) < 0) {
            required.add(new RequiredExplanation("EXECUTION_RATE_BELOW_THRESHOLD", null,
                    "the execution rate is " + ScoreCard.shown(executionRate).toPlainString() + "%, under "
                            + policy.executionExplanationBelow().stripTrailingZeros().toPlainString()
                            + "%: explain why before submitting"));
        }
        BigDecimal factor = BigDecimal.ONE.add(policy.overAchievementExplanationAt().divide(HUNDRED, EXACT));
        for (ScoredIndicator indicator : indicators) {
            boolean positive = indicator.direction() == Direction.GE || indicator.direction() == Direction.EQ;
            if (positive && !indicator.notApplicable() && indicator.actual() != null && indicator.target() != null
                    && indicator.target().signum() > 0
                    && indicator.actual().compareTo(indicator.target().multiply(factor, EXACT)) >= 0
                    && (indicator.deviationReason() == null || indicator.deviationReason().isBlank())) {
                required.add(new RequiredExplanation("OVER_ACHIEVEMENT", indicator.id(),
                        "'" + indicator.name() + "' reached " + indicator.actual().stripTrailingZeros().toPlainString()
                                + " against a target of " + indicator.target().stripTrailingZeros().toPlainString()
                                + " (" + policy.overAchievementExplanationAt().stripTrailingZeros().toPlainString()
                                + "% or more above it): give the deviation reason"));
            }
        }
        return required;
    }
}
