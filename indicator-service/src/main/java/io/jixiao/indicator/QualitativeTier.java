package io.jixiao.indicator;

/** The evaluator's verdict on a qualitative indicator; the policy gives each tier its share of the weight. */
public enum QualitativeTier {
    ACHIEVED,
    PARTLY_ACHIEVED,
    NOT_ACHIEVED
}
