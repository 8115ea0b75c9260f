package io.jixiao.indicator.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.common.outbox.OutboxWriter;
import io.jixiao.common.security.Actor;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.events.EventTypes;
import io.jixiao.indicator.Goal;
import io.jixiao.indicator.Indicator;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.common.money.Yuan;
import io.jixiao.common.money.Decimals;
import io.jixiao.indicator.scoring.ScoreCard;

/**
 * The events indicator-service publishes to indicator.events (schemas in event-contracts), through
 * the outbox, so that report-service can build from events alone. Key: the project id, or the
 * department code for department-wide goals, indicators and scores.
 */
@ApplicationScoped
public class IndicatorEvents {

    @Inject
    ObjectMapper json;

    @Inject
    OutboxWriter outbox;

    /** Goals, indicators and scores are dated the day they were recorded, in the departments' calendar. */
    @Inject
    BusinessCalendar calendar;

    public void goalDefined(Goal goal, Actor actor) {
        ObjectNode payload = header(goal.departmentCode, goal.fiscalYear, goal.projectId)
                .put("goalId", goal.id.toString())
                .put("text", goal.text)
                .put("position", goal.position);
        append(EventTypes.GOAL_DEFINED, goal.departmentCode, goal.projectId, payload, actor);
    }

    public void indicatorDefined(Indicator i, Actor actor) {
        ObjectNode payload = header(i.departmentCode, i.fiscalYear, i.projectId)
                .put("indicatorId", i.id.toString())
                .put("level1", i.level1.name())
                .put("level2", i.level2.name())
                .put("name", i.name)
                .put("direction", i.direction.name())
                .put("target", Decimals.plain(i.target))
                .put("targetText", i.targetText)
                .put("unit", i.unit)
                .put("weight", Decimals.plain(i.weight))
                .put("notApplicable", i.notApplicable)
                .put("actualSource", i.actualSource.name())
                .put("ledgerMeasure", i.ledgerMeasure == null ? null : i.ledgerMeasure.name())
                .put("fundingLineId", i.fundingLineId == null ? null : i.fundingLineId.toString());
        append(EventTypes.INDICATOR_DEFINED, i.departmentCode, i.projectId, payload, actor);
    }

    public void actualChanged(Indicator i, Actor actor) {
        ObjectNode payload = header(i.departmentCode, i.fiscalYear, i.projectId)
                .put("indicatorId", i.id.toString())
                .put("actual", Decimals.plain(i.actual))
                .put("actualText", i.actualText)
                .put("numerator", Decimals.plain(i.numerator))
                .put("denominator", Decimals.plain(i.denominator))
                .put("qualitativeTier", i.qualitativeTier == null ? null : i.qualitativeTier.name())
                .put("qualitativeScore", Decimals.plain(i.qualitativeScore))
                .put("actualSource", i.actualSource.name())
                .put("deviationReason", i.deviationReason)
                .put("remedy", i.remedy);
        append(EventTypes.INDICATOR_ACTUAL_CHANGED, i.departmentCode, i.projectId, payload, actor);
    }

    /**
     * A score, with the ledger figures it was computed on (this service's view), so that report-service can
     * check them against its own.
     */
    public void departmentYearScored(UUID scoreId, String departmentCode, int fiscalYear, ScoreCard card,
            ProjectLedger.Totals ledger, Actor actor) {
        ObjectNode payload = header(departmentCode, fiscalYear, null)
                .put("scoreId", scoreId.toString())
                .put("policy", card.policy())
                .put("total", Decimals.plain(ScoreCard.shown(card.total())))
                .put("grade", card.grade())
                .put("executionRate", Decimals.plain(ScoreCard.shown(card.executionRate())))
                .put("budget", Yuan.format(ledger.budget().setScale(2)))
                .put("spent", Yuan.format(ledger.spent().setScale(2)));
        ArrayNode groups = payload.putArray("groups");
        card.groups().forEach(g -> groups.addObject().put("group", g.group().name())
                .put("weight", Decimals.plain(g.weight())).put("score", Decimals.plain(ScoreCard.shown(g.score()))));
        ArrayNode indicators = payload.putArray("indicators");
        card.indicators().forEach(s -> indicators.addObject().put("indicatorId", s.indicatorId().toString())
                .put("weight", Decimals.plain(s.weight())).put("score", Decimals.plain(ScoreCard.shown(s.score()))));
        ArrayNode explanations = payload.putArray("requiredExplanations");
        card.requiredExplanations().forEach(r -> explanations.addObject().put("code", r.code())
                .put("indicatorId", r.indicatorId() == null ? null : r.indicatorId().toString())
                .put("message", r.message()));
        append(EventTypes.DEPARTMENT_YEAR_SCORED, departmentCode, null, payload, actor);
    }

    private ObjectNode header(String departmentCode, int fiscalYear, UUID projectId) {
        return json.createObjectNode()
                .put("departmentCode", departmentCode)
                .put("fiscalYear", fiscalYear)
                .put("projectId", projectId == null ? null : projectId.toString())
                .put("businessDate", calendar.today().toString());
    }

    private void append(String type, String departmentCode, UUID projectId, ObjectNode payload, Actor actor) {
        payload.set("actor", actor.toJson(json));
        String key = projectId == null ? departmentCode : projectId.toString();
        String subject = projectId == null ? "department/" + departmentCode : "project/" + projectId;
        outbox.append(type, key, subject, payload);
    }
}
