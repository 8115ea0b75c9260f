package io.jixiao.indicator.mapping;

import io.jixiao.common.money.Decimals;

import java.util.UUID;

import io.jixiao.indicator.ActualSource;
import io.jixiao.indicator.Direction;
import io.jixiao.indicator.Indicator;
import io.jixiao.indicator.IndicatorLevel1;
import io.jixiao.indicator.IndicatorLevel2;
import io.jixiao.indicator.LedgerMeasure;
import io.jixiao.indicator.QualitativeTier;

public record IndicatorView(UUID id, String departmentCode, int fiscalYear, UUID projectId, IndicatorLevel1 level1,
        IndicatorLevel2 level2, String name, Direction direction, String target, String targetText, String unit,
        String weight, boolean notApplicable, ActualSource actualSource, LedgerMeasure ledgerMeasure,
        UUID fundingLineId, String actual, String actualText, String numerator, String denominator,
        QualitativeTier qualitativeTier, String qualitativeScore, String deviationReason, String remedy) {

    public static IndicatorView of(Indicator i) {
        return new IndicatorView(i.id, i.departmentCode, i.fiscalYear, i.projectId, i.level1, i.level2, i.name,
                i.direction, Decimals.plain(i.target), i.targetText, i.unit, Decimals.plain(i.weight), i.notApplicable,
                i.actualSource, i.ledgerMeasure, i.fundingLineId, Decimals.plain(i.actual), i.actualText,
                Decimals.plain(i.numerator), Decimals.plain(i.denominator), i.qualitativeTier,
                Decimals.plain(i.qualitativeScore), i.deviationReason, i.remedy);
    }
}
