package io.jixiao.indicator.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jixiao.indicator.Direction;
import io.jixiao.indicator.IndicatorLevel1;
import io.jixiao.indicator.QualitativeTier;

class DepartmentYearScorerTest {

    private final ScoringPolicy policy = Policies.defaultPolicy();

    private static ScoredIndicator ge(IndicatorLevel1 level1, String weight, String target, String actual) {
        return new ScoredIndicator(UUID.randomUUID(), level1 + " " + target, level1, Direction.GE, new BigDecimal(target),
                actual == null ? null : new BigDecimal(actual), new BigDecimal(weight), false, null, null, null);
    }

    private static ScoredIndicator cost(String weight, String ceiling, String spent) {
        return new ScoredIndicator(UUID.randomUUID(), "经费 ≤" + ceiling, IndicatorLevel1.COST, Direction.LE,
                new BigDecimal(ceiling), new BigDecimal(spent), new BigDecimal(weight), false, null, null, null);
    }

    private static ScoredIndicator satisfaction(String score) {
        return new ScoredIndicator(UUID.randomUUID(), "服务对象满意度", IndicatorLevel1.SATISFACTION, Direction.QUALITATIVE,
                null, null, BigDecimal.TEN, false, QualitativeTier.ACHIEVED, new BigDecimal(score), null);
    }

    /** A full set: cost lines count within output (50), benefit 30, satisfaction 10, execution 10. */
    private List<ScoredIndicator> seedLike(String satisfactionScore) {
        return List.of(cost("10", "30", "28"), cost("10", "4", "4"), ge(IndicatorLevel1.OUTPUT, "30", "2486", "2486"),
                ge(IndicatorLevel1.BENEFIT, "30", "100", "100"), satisfaction(satisfactionScore));
    }

    @Test
    void theExecutionLineIsTenPointsTimesTheRateAndCostCountsWithinOutput() {
        // the seed: 1240.6 spent of 1327.19 → 93.48% → 9.35 of 10
        ScoreCard card = DepartmentYearScorer.score(policy, seedLike("9.5"), new BigDecimal("12406000.00"),
                new BigDecimal("13271900.00"));
        assertEquals(new BigDecimal("93.48"), ScoreCard.shown(card.executionRate()));
        ScoreCard.GroupScore execution = card.groups().stream()
                .filter(g -> g.group() == ScoreGroup.EXECUTION_RATE).findFirst().orElseThrow();
        assertEquals(new BigDecimal("9.35"), ScoreCard.shown(execution.score()));
        ScoreCard.GroupScore output = card.groups().stream()
                .filter(g -> g.group() == ScoreGroup.OUTPUT).findFirst().orElseThrow();
        assertEquals(new BigDecimal("50.00"), ScoreCard.shown(output.score()));
        assertEquals(new BigDecimal("98.85"), ScoreCard.shown(card.total()));
        assertEquals("优", card.grade());
        assertEquals(List.of(), card.requiredExplanations());
    }

    @ParameterizedTest(name = "a total of {0} is {1}")
    @CsvSource({ "89.99, 良", "90.00, 优", "79.99, 中", "80.00, 良", "59.99, 差", "60.00, 中", "100.00, 优", "0.00, 差" })
    void gradesAreHalfOpenOnTheTotalAsShown(BigDecimal total, String grade) {
        assertEquals(grade, DepartmentYearScorer.grade(policy, total));
    }

    @Test
    void aTotalThatRoundsTo90IsShownAndGradedAs90() {
        assertEquals("优", DepartmentYearScorer.grade(policy, new BigDecimal("89.995")));
        assertEquals("良", DepartmentYearScorer.grade(policy, new BigDecimal("89.9949")));
    }

    @Test
    void weightsThatDoNotAddUpToTheGroupTotalAreRefusedWithTheFigures() {
        List<ScoredIndicator> short2 = List.of(cost("10", "30", "28"), ge(IndicatorLevel1.OUTPUT, "38", "1", "1"),
                ge(IndicatorLevel1.BENEFIT, "30", "1", "1"), satisfaction("9"));
        InvalidScoreException e = assertThrows(InvalidScoreException.class,
                () -> DepartmentYearScorer.score(policy, short2, BigDecimal.ONE, BigDecimal.ONE));
        assertEquals("weight", e.field());
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).contains("OUTPUT indicators' weights add up to 48"), e.getMessage());
        assertTrue(e.problems().get(0).contains("total under 财预〔2020〕10号 is 50"), e.getMessage());
    }

    @Test
    void aNotApplicableIndicatorIsDroppedAndTheRestRescaledTo100() {
        ScoredIndicator notApplicable = new ScoredIndicator(UUID.randomUUID(), "生态效益", IndicatorLevel1.BENEFIT,
                Direction.GE, BigDecimal.ONE, null, new BigDecimal("10"), true, null, null, null);
        List<ScoredIndicator> indicators = List.of(cost("20", "30", "30"), ge(IndicatorLevel1.OUTPUT, "30", "10", "5"),
                ge(IndicatorLevel1.BENEFIT, "20", "1", "1"), notApplicable, satisfaction("10"));
        ScoreCard card = DepartmentYearScorer.score(policy, indicators, BigDecimal.ONE, BigDecimal.ONE);
        // raw 10 + 20 + 15 + 20 + 10 = 75 of an applicable 90 → 83.33 of 100
        assertEquals(new BigDecimal("83.33"), ScoreCard.shown(card.total()));
        assertEquals("良", card.grade());
        assertNull(card.indicators().stream().filter(ScoreCard.IndicatorScore::notApplicable).findFirst().orElseThrow()
                .score());
    }

    @Test
    void anExecutionRateUnder90AndAnOverAchievementNeedExplanations() {
        List<ScoredIndicator> indicators = List.of(cost("10", "30", "28"), cost("10", "4", "4"),
                ge(IndicatorLevel1.OUTPUT, "30", "100", "130"), ge(IndicatorLevel1.BENEFIT, "30", "100", "129.99"),
                satisfaction("9"));
        ScoreCard card = DepartmentYearScorer.score(policy, indicators, new BigDecimal("89.99"), new BigDecimal("100"));
        assertEquals(List.of("EXECUTION_RATE_BELOW_THRESHOLD", "OVER_ACHIEVEMENT"),
                card.requiredExplanations().stream().map(ScoreCard.RequiredExplanation::code).toList());
        assertEquals(indicators.get(2).id(), card.requiredExplanations().get(1).indicatorId());

        ScoreCard at90 = DepartmentYearScorer.score(policy, indicators, new BigDecimal("90.00"), new BigDecimal("100"));
        assertEquals(List.of("OVER_ACHIEVEMENT"),
                at90.requiredExplanations().stream().map(ScoreCard.RequiredExplanation::code).toList());
    }

    @Test
    void anIndicatorWithoutAnActualScoresZeroAndIsListed() {
        List<ScoredIndicator> indicators = List.of(cost("20", "30", "28"), ge(IndicatorLevel1.OUTPUT, "30", "100", null),
                ge(IndicatorLevel1.BENEFIT, "30", "1", "1"), satisfaction("10"));
        ScoreCard card = DepartmentYearScorer.score(policy, indicators, BigDecimal.ONE, BigDecimal.ONE);
        assertEquals(List.of(indicators.get(1).id()), card.missingActuals());
        assertEquals(new BigDecimal("70.00"), ScoreCard.shown(card.total()));
    }

    @Test
    void theDefaultPolicyIsValidAndAPolicyThatDoesNotAddUpIsNot() {
        assertEquals(List.of(), policy.problems());
        ScoringPolicy broken = new ScoringPolicy("x", java.util.Map.of(ScoreGroup.EXECUTION_RATE, BigDecimal.TEN),
                policy.reverseRule(), policy.qualitativeTiers(), policy.gradeBands(), policy.executionExplanationBelow(),
                policy.overAchievementExplanationAt());
        assertEquals(List.of("groupWeights: add up to 10, not 100"), broken.problems());
    }
}
