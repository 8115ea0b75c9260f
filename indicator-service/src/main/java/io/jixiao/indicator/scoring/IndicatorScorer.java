package io.jixiao.indicator.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import io.jixiao.indicator.Direction;
import io.jixiao.indicator.QualitativeTier;
import io.jixiao.indicator.scoring.ScoringPolicy.Band;

/**
 * One indicator's score (DESIGN §6.2), exact to 34 significant digits; shown with 2 decimals only
 * at display.
 */
public final class IndicatorScorer {

    static final MathContext EXACT = MathContext.DECIMAL128;

    private IndicatorScorer() {
    }

    /** The score of an indicator with its actual value; an indicator without one scores 0. */
    public static BigDecimal score(ScoredIndicator indicator, ScoringPolicy policy) {
        BigDecimal w = indicator.weight();
        if (!indicator.hasActual()) {
            return BigDecimal.ZERO;
        }
        BigDecimal t = indicator.target();
        BigDecimal a = indicator.actual();
        return switch (indicator.direction()) {
            case GE -> atLeast(w, t, a);
            case LE -> atMost(w, t, a, policy.reverseRule());
            case EQ -> {
                if (t.signum() == 0) {
                    yield a.signum() <= 0 ? w : BigDecimal.ZERO;
                }
                // equal within the target's own precision: 100 and 100.00 are equal, 100.4 is not 100
                yield a.setScale(Math.max(t.scale(), 0), RoundingMode.HALF_UP).compareTo(t) == 0 ? w : atLeast(w, t, a);
            }
            case QUALITATIVE -> qualitative(indicator, policy);
        };
    }

    /** {@code >=}: weight × min(actual ÷ target, 1); a zero target is met by anything. */
    static BigDecimal atLeast(BigDecimal w, BigDecimal t, BigDecimal a) {
        if (t.signum() == 0) {
            return w;
        }
        if (a.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal ratio = a.divide(t, EXACT);
        return ratio.compareTo(BigDecimal.ONE) >= 0 ? w : w.multiply(ratio, EXACT);
    }

    /** {@code <=}: full weight up to the target; above it the policy's reverse rule. */
    static BigDecimal atMost(BigDecimal w, BigDecimal t, BigDecimal a, ScoringPolicy.ReverseRule rule) {
        if (a.compareTo(t) <= 0) {
            return w;
        }
        if (t.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal score = switch (rule) {
            case LINEAR -> w.multiply(BigDecimal.ONE.subtract(a.subtract(t).divide(t, EXACT)), EXACT);
            case RATIO -> w.multiply(t.divide(a, EXACT), EXACT);
        };
        return score.signum() < 0 ? BigDecimal.ZERO : score;
    }

    static BigDecimal qualitative(ScoredIndicator indicator, ScoringPolicy policy) {
        requireWithinTier(indicator.name(), indicator.weight(), indicator.tier(), indicator.qualitativeScore(), policy);
        return indicator.qualitativeScore();
    }

    /** A qualitative score must lie inside its tier's share of the weight (e.g. achieved: 80–100%). */
    public static void requireWithinTier(String name, BigDecimal weight, QualitativeTier tier, BigDecimal score,
            ScoringPolicy policy) {
        Band band = policy.qualitativeTiers().get(tier);
        BigDecimal share = weight.signum() == 0 ? BigDecimal.ZERO : score.divide(weight, EXACT);
        if (score.signum() < 0 || !band.contains(share)) {
            String range = band.min().multiply(weight).stripTrailingZeros().toPlainString() + "–"
                    + band.max().multiply(weight).stripTrailingZeros().toPlainString()
                    + (band.maxInclusive() ? "" : " (exclusive)");
            throw new InvalidScoreException("qualitativeScore", List.of("'" + name + "': a score of "
                    + score.toPlainString() + " is outside the " + tier + " tier, which allows " + range
                    + " of its " + weight.stripTrailingZeros().toPlainString() + " points"));
        }
    }
}
