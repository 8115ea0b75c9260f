package io.jixiao.indicator.messaging;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.jixiao.common.money.Decimals;
import io.jixiao.common.money.Yuan;
import io.jixiao.common.outbox.OutboxWriter;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;
import io.jixiao.events.indicator.DepartmentYearScored;
import io.jixiao.events.indicator.GoalDefined;
import io.jixiao.events.indicator.IndicatorActualChanged;
import io.jixiao.events.indicator.IndicatorDefined;
import io.jixiao.indicator.Goal;
import io.jixiao.indicator.Indicator;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.indicator.scoring.ScoreCard;

/**
 * The events indicator-service publishes to indicator.events (schemas in event-contracts), through
 * the outbox, so that report-service can build from events alone. Key: the project id, or the
 * department code for department-wide goals, indicators and scores.
 */
@ApplicationScoped
public class IndicatorEvents {

    @Inject
    OutboxWriter outbox;

    /** Goals, indicators and scores are dated the day they were recorded, in the departments' calendar. */
    @Inject
    BusinessCalendar calendar;

    public void goalDefined(Goal goal, Actor actor) {
        append(goal.departmentCode, goal.projectId, new GoalDefined(goal.departmentCode, goal.fiscalYear,
                goal.projectId, goal.id, goal.text, goal.position, calendar.today(), actor));
    }

    public void indicatorDefined(Indicator i, Actor actor) {
        append(i.departmentCode, i.projectId, new IndicatorDefined(i.departmentCode, i.fiscalYear, i.projectId, i.id,
                i.level1.name(), i.level2.name(), i.name, i.direction.name(), Decimals.normalized(i.target),
                i.targetText, i.unit, Decimals.normalized(i.weight), i.notApplicable, i.actualSource.name(),
                i.ledgerMeasure == null ? null : i.ledgerMeasure.name(), i.fundingLineId, calendar.today(), actor));
    }

    public void actualChanged(Indicator i, Actor actor) {
        append(i.departmentCode, i.projectId, new IndicatorActualChanged(i.departmentCode, i.fiscalYear, i.projectId,
                i.id, Decimals.normalized(i.actual), i.actualText, Decimals.normalized(i.numerator),
                Decimals.normalized(i.denominator), i.qualitativeTier == null ? null : i.qualitativeTier.name(),
                Decimals.normalized(i.qualitativeScore), i.actualSource.name(), i.deviationReason, i.remedy,
                calendar.today(), actor));
    }

    /**
     * A score, with the ledger figures it was computed on (this service's view), so that report-service can
     * check them against its own.
     */
    public void departmentYearScored(UUID scoreId, String departmentCode, int fiscalYear, ScoreCard card,
            ProjectLedger.Totals ledger, Actor actor) {
        append(departmentCode, null, new DepartmentYearScored(departmentCode, fiscalYear, null, scoreId, card.policy(),
                shown(card.total()), card.grade(), shown(card.executionRate()), Yuan.exact(ledger.budget()),
                Yuan.exact(ledger.spent()),
                card.groups().stream().map(g -> new DepartmentYearScored.GroupScore(g.group().name(),
                        Decimals.normalized(g.weight()), shown(g.score()))).toList(),
                card.indicators().stream().map(s -> new DepartmentYearScored.IndicatorScore(s.indicatorId(),
                        Decimals.normalized(s.weight()), shown(s.score()))).toList(),
                card.requiredExplanations().stream().map(r -> new DepartmentYearScored.RequiredExplanation(r.code(),
                        r.indicatorId(), r.message())).toList(),
                calendar.today(), actor));
    }

    private static BigDecimal shown(BigDecimal value) {
        return Decimals.normalized(ScoreCard.shown(value));
    }

    private void append(String departmentCode, UUID projectId, EventPayload payload) {
        String key = projectId == null ? departmentCode : projectId.toString();
        String subject = projectId == null ? "department/" + departmentCode : "project/" + projectId;
        outbox.append(payload, key, subject);
    }
}
