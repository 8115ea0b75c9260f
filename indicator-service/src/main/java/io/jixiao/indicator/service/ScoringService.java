package io.jixiao.indicator.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.jixiao.common.inbox.ConsumerCatchUp;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;
import io.jixiao.common.tx.SubjectLock;
import io.jixiao.indicator.Indicator;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.indicator.ScoreResult;
import io.jixiao.indicator.config.ScoringConfig;
import io.jixiao.indicator.mapping.ScoreView;
import io.jixiao.indicator.messaging.IndicatorEvents;
import io.jixiao.indicator.scoring.DepartmentYearScorer;
import io.jixiao.indicator.scoring.InvalidScoreException;
import io.jixiao.indicator.scoring.ScoreCard;
import io.jixiao.indicator.scoring.ScoredIndicator;
import io.jixiao.indicator.scoring.ScoringPolicy;

/** Scores a department-year (绩效自评) and records the result with the policy it used. */
@ApplicationScoped
public class ScoringService {

    @Inject
    Caller caller;

    @Inject
    ScoringPolicies policies;

    @Inject
    IndicatorEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    ConsumerCatchUp catchUp;

    @Inject
    SubjectLock subjectLock;

    @Inject
    ScoringConfig config;

    /** The channel that brings the ledger's events (application.properties). */
    static final String LEDGER_CHANNEL = "budget-events";

    /**
     * Scores the department-year, once this service has applied every ledger event published before the call
     * (the execution rate and the cost lines' actuals are its view of the ledger), or refuses.
     */
    @Transactional
    public ScoreView score(String departmentCode, int fiscalYear) {
        caller.requireVisible(departmentCode, "department " + departmentCode);
        catchUp.awaitCaughtUp(LEDGER_CHANNEL, config.ledgerCatchUpWithin(),
                "the score of " + departmentCode + " " + fiscalYear);
        // two scores of the year at once: the later commit's event is published last, so it is the one that holds
        subjectLock.lock("score/" + departmentCode + "/" + fiscalYear);
        ScoringPolicy policy = policies.forDepartmentYear(departmentCode, fiscalYear);
        List<Indicator> indicators = Indicator.list("departmentCode = ?1 and fiscalYear = ?2 order by level1, definedAt",
                departmentCode, fiscalYear);
        ProjectLedger.Totals ledger = ProjectLedger.departmentYear(departmentCode, fiscalYear);
        ScoreCard card;
        try {
            card = DepartmentYearScorer.score(policy, indicators.stream().map(ScoringService::input).toList(),
                    ledger.spent(), ledger.budget());
        } catch (InvalidScoreException e) {
            throw new ProblemException(409, "cannot-score", "The department-year cannot be scored yet", e.getMessage(),
                    Map.of("field", e.field(), "problems", e.problems()));
        }
        ScoreResult result = new ScoreResult();
        result.id = UUID.randomUUID();
        result.departmentCode = departmentCode;
        result.fiscalYear = fiscalYear;
        result.policyName = policy.name();
        result.total = card.total().setScale(6, java.math.RoundingMode.HALF_UP);
        result.grade = card.grade();
        try {
            result.detail = json.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        result.computedAt = OffsetDateTime.now();
        result.computedBy = caller.subject();
        result.persist();
        events.departmentYearScored(result.id, departmentCode, fiscalYear, card, ledger, caller.actor());
        return ScoreView.of(result.id, departmentCode, fiscalYear, card, result.computedAt, result.computedBy);
    }

    /**
     * Reads back the score card this service wrote: its figures keep every digit the rules computed (a rate is a
     * quotient), more than the API mapper lets a client send, so not that mapper.
     */
    private static final ObjectMapper STORED = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public ScoreView latest(String departmentCode, int fiscalYear) {
        caller.requireVisible(departmentCode, "department " + departmentCode);
        ScoreResult result = ScoreResult.latest(departmentCode, fiscalYear)
                .orElseThrow(() -> ProblemException.notFound("a score of " + departmentCode + " " + fiscalYear));
        try {
            ScoreCard card = STORED.readValue(result.detail, ScoreCard.class);
            return ScoreView.of(result.id, departmentCode, fiscalYear, card, result.computedAt, result.computedBy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScoredIndicator input(Indicator i) {
        return new ScoredIndicator(i.id, i.name, i.level1, i.direction, i.target, i.actual, i.weight, i.notApplicable,
                i.qualitativeTier, i.qualitativeScore, i.deviationReason);
    }
}
