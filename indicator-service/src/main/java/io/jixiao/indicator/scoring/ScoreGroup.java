package io.jixiao.indicator.scoring;

import io.jixiao.indicator.IndicatorLevel1;

/** The groups a score is made of (DESIGN §6.1): the execution-rate line and the level-1 groups. */
public enum ScoreGroup {
    EXECUTION_RATE,
    COST,
    OUTPUT,
    BENEFIT,
    SATISFACTION;

    /**
     * The group an indicator counts in. Cost indicators are a group of their own only where the
     * policy weighs one; otherwise (财预〔2020〕10号) they count within the output group.
     */
    public static ScoreGroup of(IndicatorLevel1 level1, ScoringPolicy policy) {
        return switch (level1) {
            case COST -> policy.groupWeights().containsKey(COST) ? COST : OUTPUT;
            case OUTPUT -> OUTPUT;
            case BENEFIT -> BENEFIT;
            case SATISFACTION -> SATISFACTION;
        };
    }
}
