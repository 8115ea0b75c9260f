package io.jixiao.indicator.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jixiao.indicator.QualitativeTier;

/**
 * A named scoring policy (DESIGN §6): every number of the scoring rules, as data. Stored as JSON in
 * {@code scoring_policy}; the default follows 财预〔2020〕10号.
 *
 * @param groupWeights points per group; they add up to 100
 * @param reverseRule what a {@code <=} indicator above its target scores
 * @param qualitativeTiers each tier's share of the weight, {@code [min, max)} (the top tier's max inclusive)
 * @param gradeBands grades from the highest, each with the lowest total (inclusive) that earns it
 * @param executionExplanationBelow an execution rate (%) under this needs a written explanation
 * @param overAchievementExplanationAt an actual this many percent or more above its target needs an explanation
 */
public record ScoringPolicy(
        String name,
        Map<ScoreGroup, BigDecimal> groupWeights,
        ReverseRule reverseRule,
        Map<QualitativeTier, Band> qualitativeTiers,
        List<GradeBand> gradeBands,
        BigDecimal executionExplanationBelow,
        BigDecimal overAchievementExplanationAt) {

    public enum ReverseRule {
        /** weight × (1 − (actual − target) ÷ target): zero at twice the target */
        LINEAR,
        /** weight × target ÷ actual */
        RATIO
    }

    /** A share of the weight, {@code [min, max)}, or {@code [min, max]} when {@code maxInclusive}. */
    public record Band(BigDecimal min, BigDecimal max, boolean maxInclusive) {
        boolean contains(BigDecimal share) {
            return share.compareTo(min) >= 0 && (maxInclusive ? share.compareTo(max) <= 0 : share.compareTo(max) < 0);
        }
    }

    public record GradeBand(String grade, BigDecimal minimum) {
    }

    /** What is wrong with this policy; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name: is required");
        }
        if (groupWeights == null || !groupWeights.containsKey(ScoreGroup.EXECUTION_RATE)) {
            problems.add("groupWeights: must weigh EXECUTION_RATE");
        } else {
            BigDecimal total = groupWeights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
                problems.add("groupWeights: add up to " + total.toPlainString() + ", not 100");
            }
            groupWeights.forEach((group, weight) -> {
                if (weight.signum() < 0) {
                    problems.add("groupWeights." + group + ": must not be negative");
                }
            });
        }
        if (reverseRule == null) {
            problems.add("reverseRule: is required (LINEAR or RATIO)");
        }
        if (qualitativeTiers == null || qualitativeTiers.size() != QualitativeTier.values().length) {
            problems.add("qualitativeTiers: must give a band for each of " + List.of(QualitativeTier.values()));
        }
        if (gradeBands == null || gradeBands.isEmpty()) {
            problems.add("gradeBands: at least one is required");
        } else {
            for (int i = 1; i < gradeBands.size(); i++) {
                if (gradeBands.get(i).minimum().compareTo(gradeBands.get(i - 1).minimum()) >= 0) {
                    problems.add("gradeBands: must be listed from the highest minimum down");
                }
            }
            if (gradeBands.get(gradeBands.size() - 1).minimum().signum() != 0) {
                problems.add("gradeBands: the lowest band must start at 0");
            }
        }
        if (executionExplanationBelow == null) {
            problems.add("executionExplanationBelow: is required");
        }
        if (overAchievementExplanationAt == null) {
            problems.add("overAchievementExplanationAt: is required");
        }
        return problems;
    }
}
