package io.jixiao.indicator.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jixiao.indicator.Direction;
import io.jixiao.indicator.IndicatorLevel1;
import io.jixiao.indicator.QualitativeTier;
import io.jixiao.indicator.scoring.ScoringPolicy.ReverseRule;

/** DESIGN §6.2, rule by rule, at and around each boundary. */
class IndicatorScorerTest {

    @ParameterizedTest(name = "{0} weight {1}, target {2}, actual {3} ({4}) → {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # direction | weight | target | actual | reverse rule | score
            GE | 10 | 100  | 100    | LINEAR | 10.00
            GE | 10 | 100  | 99.99  | LINEAR | 10.00
            GE | 10 | 100  | 99.9   | LINEAR | 9.99
            GE | 10 | 100  | 150    | LINEAR | 10.00
            GE | 10 | 100  | 0      | LINEAR | 0.00
            GE | 10 | 2486 | 2273   | LINEAR | 9.14
            GE | 10 | 0    | 0      | LINEAR | 10.00
            LE | 10 | 30   | 30     | LINEAR | 10.00
            LE | 10 | 30   | 29.5   | LINEAR | 10.00
            LE | 10 | 30   | 33     | LINEAR | 9.00
            LE | 10 | 30   | 45     | LINEAR | 5.00
            LE | 10 | 30   | 60     | LINEAR | 0.00
            LE | 10 | 30   | 61     | LINEAR | 0.00
            LE | 10 | 30   | 33     | RATIO  | 9.09
            LE | 10 | 30   | 60     | RATIO  | 5.00
            LE | 10 | 0    | 0      | LINEAR | 10.00
            LE | 10 | 0    | 1      | LINEAR | 0.00
            EQ | 10 | 100  | 100.00 | LINEAR | 10.00
            EQ | 10 | 100  | 100.4  | LINEAR | 10.00
            EQ | 10 | 100  | 90     | LINEAR | 9.00
            EQ | 10 | 100  | 120    | LINEAR | 10.00
            EQ | 10 | 0    | 0      | LINEAR | 10.00
            EQ | 10 | 0    | -1     | LINEAR | 10.00
            EQ | 10 | 0    | 0.5    | LINEAR | 0.00
            """)
    void numericIndicators(Direction direction, BigDecimal weight, BigDecimal target, BigDecimal actual, ReverseRule rule,
            BigDecimal expected) {
        ScoredIndicator indicator = new ScoredIndicator(UUID.randomUUID(), "x", IndicatorLevel1.OUTPUT, direction,
                target, actual, weight, false, null, null, null);
        BigDecimal score = IndicatorScorer.score(indicator, Policies.withReverseRule(rule));
        assertEquals(expected, score.setScale(2, RoundingMode.HALF_UP));
    }

    @ParameterizedTest(name = "{0} with {1} of 10 points is within its tier")
    @CsvSource(delimiter = '|', textBlock = """
            ACHIEVED        | 10
            ACHIEVED        | 8
            PARTLY_ACHIEVED | 7.99
            PARTLY_ACHIEVED | 6
            NOT_ACHIEVED    | 5.99
            NOT_ACHIEVED    | 0
            """)
    void aQualitativeScoreInsideItsTierCounts(QualitativeTier tier, BigDecimal score) {
        ScoredIndicator indicator = new ScoredIndicator(UUID.randomUUID(), "服务对象满意度", IndicatorLevel1.SATISFACTION,
                Direction.QUALITATIVE, null, null, BigDecimal.TEN, false, tier, score, null);
        assertEquals(score, IndicatorScorer.score(indicator, Policies.defaultPolicy()));
    }

    @ParameterizedTest(name = "{0} with {1} of 10 points is refused")
    @CsvSource(delimiter = '|', textBlock = """
            ACHIEVED        | 7.99
            ACHIEVED        | 10.01
            PARTLY_ACHIEVED | 8
            PARTLY_ACHIEVED | 5.99
            NOT_ACHIEVED    | 6
            NOT_ACHIEVED    | -1
            """)
    void aQualitativeScoreOutsideItsTierIsRefused(QualitativeTier tier, BigDecimal score) {
        ScoredIndicator indicator = new ScoredIndicator(UUID.randomUUID(), "服务对象满意度", IndicatorLevel1.SATISFACTION,
                Direction.QUALITATIVE, null, null, BigDecimal.TEN, false, tier, score, null);
        InvalidScoreException e = assertThrows(InvalidScoreException.class,
                () -> IndicatorScorer.score(indicator, Policies.defaultPolicy()));
        assertEquals("qualitativeScore", e.field());
        assertTrue(e.getMessage().contains(tier.name()), e.getMessage());
    }
}
