package io.jixiao.indicator.mapping;

import io.jixiao.common.money.Decimals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.jixiao.indicator.scoring.ScoreCard;

/** A recorded score: totals shown with 2 decimals, exact figures kept in {@code exact}. */
public record ScoreView(UUID id, String departmentCode, int fiscalYear, String policy, String total, String grade,
        String executionRate, List<Group> groups, List<Line> indicators, List<ScoreCard.RequiredExplanation> requiredExplanations,
        List<UUID> missingActuals, OffsetDateTime computedAt, String computedBy, ScoreCard exact) {

    public record Group(String group, String weight, String score) {
    }

    public record Line(UUID indicatorId, String name, String group, String weight, String score, boolean notApplicable) {
    }

    public static ScoreView of(UUID id, String departmentCode, int fiscalYear, ScoreCard card, OffsetDateTime at,
            String by) {
        return new ScoreView(id, departmentCode, fiscalYear, card.policy(), Decimals.shown(card.total()), card.grade(),
                Decimals.shown(card.executionRate()),
                card.groups().stream().map(g -> new Group(g.group().name(), Decimals.plain(g.weight()),
                        Decimals.shown(g.score()))).toList(),
                card.indicators().stream().map(i -> new Line(i.indicatorId(), i.name(), i.group().name(),
                        Decimals.plain(i.weight()), Decimals.shown(i.score()), i.notApplicable())).toList(),
                card.requiredExplanations(), card.missingActuals(), at, by, card);
    }
}
