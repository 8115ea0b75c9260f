package io.jixiao.indicator.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.jixiao.common.history.ChangeHistory;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;
import io.jixiao.indicator.ActualSource;
import io.jixiao.indicator.Direction;
import io.jixiao.indicator.FundingLineLedger;
import io.jixiao.indicator.Indicator;
import io.jixiao.indicator.LedgerMeasure;
import io.jixiao.indicator.OutputRecord;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.indicator.mapping.ActualRequest;
import io.jixiao.indicator.mapping.IndicatorRequest;
import io.jixiao.indicator.mapping.IndicatorView;
import io.jixiao.indicator.mapping.OutputRecordRequest;
import io.jixiao.indicator.mapping.OutputRecordView;
import io.jixiao.indicator.messaging.IndicatorEvents;
import io.jixiao.indicator.scoring.IndicatorScorer;
import io.jixiao.indicator.scoring.InvalidScoreException;

/** Defining indicators, and everything that moves their actual values but the ledger. */
@ApplicationScoped
public class IndicatorService {

    private static final Set<String> MONEY_UNITS = Set.of("元", "万元");

    @Inject
    Caller caller;

    @Inject
    ProjectAccess projects;

    @Inject
    IndicatorEvents events;

    @Inject
    LedgerActuals ledgerActuals;

    @Inject
    ScoringPolicies policies;

    @Inject
    ChangeHistory history;

    /** The object type of an indicator's changes in the change history. */
    static final String HISTORY = "indicator";

    @Transactional
    public IndicatorView define(IndicatorRequest r) {
        ProjectLedger project = projects.requireWritable(r.departmentCode(), r.fiscalYear(), r.projectId());
        requireConsistent(r, project);

        Indicator i = new Indicator();
        i.id = UUID.randomUUID();
        i.departmentCode = r.departmentCode();
        i.fiscalYear = r.fiscalYear();
        i.projectId = r.projectId();
        i.level1 = r.level1();
        i.level2 = r.level2();
        i.name = r.name().strip();
        i.direction = r.direction();
        i.target = r.target();
        i.targetText = r.targetText();
        i.unit = r.unit();
        i.weight = r.weight();
        i.notApplicable = Boolean.TRUE.equals(r.notApplicable());
        i.actualSource = r.actualSource();
        i.ledgerMeasure = r.ledgerMeasure();
        i.fundingLineId = r.fundingLineId();
        i.definedAt = OffsetDateTime.now();
        i.definedBy = caller.subject();
        i.updatedAt = i.definedAt;
        i.persist();
        events.indicatorDefined(i, caller.actor());
        history.record(HISTORY, i.id.toString(), "defined", null, IndicatorView.of(i));
        if (i.actualSource == ActualSource.LEDGER) {
            ledgerActuals.update(i, caller.actor());
        }
        return IndicatorView.of(i);
    }

    public IndicatorView get(UUID id) {
        return IndicatorView.of(visible(id));
    }

    public List<IndicatorView> list(String departmentCode, int fiscalYear, UUID projectId) {
        caller.requireVisible(departmentCode, "department " + departmentCode);
        List<Indicator> list = projectId == null
                ? Indicator.list("departmentCode = ?1 and fiscalYear = ?2 order by level1, level2, definedAt",
                        departmentCode, fiscalYear)
                : Indicator.list("departmentCode = ?1 and fiscalYear = ?2 and projectId = ?3 order by level1, level2, definedAt",
                        departmentCode, fiscalYear, projectId);
        return list.stream().map(IndicatorView::of).toList();
    }

    /**
     * The department's word on an indicator. The actual value may be typed only where the indicator
     * takes it from the department; a qualitative score must lie in its tier.
     */
    @Transactional
    public IndicatorView recordActual(UUID id, ActualRequest r) {
        Indicator i = lockVisible(id);
        IndicatorView before = IndicatorView.of(i);
        boolean typesValue = r.actual() != null || r.actualText() != null || r.qualitativeTier() != null
                || r.qualitativeScore() != null;
        if (typesValue && i.actualSource != ActualSource.ENTERED) {
            throw ProblemException.invalidField("actual", "comes from " + (i.actualSource == ActualSource.LEDGER
                    ? "the ledger" : "the output records") + " for '" + i.name + "': it cannot be typed");
        }
        if (i.direction == Direction.QUALITATIVE && typesValue) {
            if (r.qualitativeTier() == null || r.qualitativeScore() == null) {
                throw ProblemException.invalidField(r.qualitativeTier() == null ? "qualitativeTier" : "qualitativeScore",
                        "a qualitative indicator takes a tier and a score inside it");
            }
            try {
                IndicatorScorer.requireWithinTier(i.name, i.weight, r.qualitativeTier(), r.qualitativeScore(),
                        policies.forDepartmentYear(i.departmentCode, i.fiscalYear));
            } catch (InvalidScoreException e) {
                throw ProblemException.invalidField(e.field(), e.getMessage());
            }
            i.qualitativeTier = r.qualitativeTier();
            i.qualitativeScore = r.qualitativeScore();
            i.actualText = r.actualText();
        } else if (typesValue) {
            if (r.actual() == null) {
                throw ProblemException.invalidField("actual", "is required for a " + i.direction + " indicator");
            }
            i.actual = r.actual();
            i.actualText = r.actualText();
        }
        if (r.deviationReason() != null) {
            i.deviationReason = blankToNull(r.deviationReason());
        }
        if (r.remedy() != null) {
            i.remedy = blankToNull(r.remedy());
        }
        i.updatedAt = OffsetDateTime.now();
        events.actualChanged(i, caller.actor());
        IndicatorView after = IndicatorView.of(i);
        history.record(HISTORY, i.id.toString(), "actual", before, after);
        return after;
    }

    /** Every change of the indicator (its definition, its actual value, its deviation reason), oldest first. */
    public List<ChangeHistory.Change> history(UUID id) {
        visible(id);
        return history.of(HISTORY, id.toString());
    }

    @Transactional
    public OutputRecordView addOutputRecord(UUID indicatorId, OutputRecordRequest r) {
        Indicator i = lockVisible(indicatorId);
        if (i.actualSource != ActualSource.OUTPUT_RECORDS) {
            throw ProblemException.ruleBroken("not-fed-by-output-records", "Indicator not fed by output records",
                    "'" + i.name + "' takes its actual value from " + i.actualSource, java.util.Map.of("indicatorId", i.id));
        }
        boolean pair = r.numerator() != null || r.denominator() != null;
        if (pair == (r.quantity() != null)) {
            throw ProblemException.invalidField("quantity", "give either a quantity or a numerator and a denominator");
        }
        if (pair && (r.numerator() == null || r.denominator() == null)) {
            throw ProblemException.invalidField(r.numerator() == null ? "numerator" : "denominator",
                    "a rate takes both a numerator and a denominator");
        }
        boolean ratesSoFar = OutputRecord.count("indicatorId = ?1 and numerator is not null", indicatorId) > 0;
        boolean quantitiesSoFar = OutputRecord.count("indicatorId = ?1 and quantity is not null", indicatorId) > 0;
        if ((pair && quantitiesSoFar) || (!pair && ratesSoFar)) {
            throw ProblemException.invalidField(pair ? "numerator" : "quantity", "'" + i.name + "' is recorded as "
                    + (ratesSoFar ? "numerator/denominator pairs" : "quantities") + "; keep to one kind");
        }
        if (r.correctsRecordId() != null) {
            OutputRecord corrected = OutputRecord.findById(r.correctsRecordId());
            if (corrected == null || !corrected.indicatorId.equals(indicatorId)) {
                throw ProblemException.invalidField("correctsRecordId", "is not a record of this indicator");
            }
        }
        OutputRecord record = new OutputRecord();
        record.id = UUID.randomUUID();
        record.indicatorId = indicatorId;
        record.recordedOn = r.recordedOn();
        record.quantity = r.quantity();
        record.numerator = r.numerator();
        record.denominator = r.denominator();
        record.note = r.note();
        record.correctsRecordId = r.correctsRecordId();
        record.recordedAt = OffsetDateTime.now();
        record.recordedBy = caller.subject();
        record.persist();

        IndicatorView before = IndicatorView.of(i);
        recomputeFromRecords(i);
        events.actualChanged(i, caller.actor());
        history.record(HISTORY, i.id.toString(), "output-record", before, IndicatorView.of(i));
        return OutputRecordView.of(record);
    }

    public List<OutputRecordView> outputRecords(UUID indicatorId) {
        visible(indicatorId);
        List<OutputRecord> records = OutputRecord.list("indicatorId = ?1 order by recordedOn, recordedAt", indicatorId);
        return records.stream().map(OutputRecordView::of).toList();
    }

    /** Σ quantities, or for a rate Σ numerators ÷ Σ denominators in percent (2273 ÷ 2486 = 91.43%). */
    private static void recomputeFromRecords(Indicator i) {
        Object[] sums = (Object[]) OutputRecord.getEntityManager().createQuery("""
                select sum(r.quantity), sum(r.numerator), sum(r.denominator) from OutputRecord r
                where r.indicatorId = ?1""")
                .setParameter(1, i.id)
                .getSingleResult();
        if (sums[1] != null) {
            i.numerator = (BigDecimal) sums[1];
            i.denominator = (BigDecimal) sums[2];
            i.actual = i.denominator.signum() == 0 ? null
                    : i.numerator.multiply(BigDecimal.valueOf(100))
                            .divide(i.denominator, MathContext.DECIMAL128).setScale(8, RoundingMode.HALF_UP);
        } else {
            i.actual = (BigDecimal) sums[0];
        }
        i.updatedAt = OffsetDateTime.now();
    }

    private void requireConsistent(IndicatorRequest r, ProjectLedger project) {
        if (r.level2().parent() != r.level1()) {
            throw ProblemException.invalidField("level2", r.level2() + " is not under " + r.level1()
                    + " (it belongs to " + r.level2().parent() + ")");
        }
        if (r.direction() == Direction.QUALITATIVE) {
            if (r.target() != null) {
                throw ProblemException.invalidField("target", "a qualitative indicator has no numeric target: use targetText");
            }
            if (r.actualSource() != ActualSource.ENTERED) {
                throw ProblemException.invalidField("actualSource", "a qualitative indicator is judged, so ENTERED");
            }
        } else if (r.target() == null) {
            throw ProblemException.invalidField("target", "is required for a " + r.direction() + " indicator");
        }
        if (r.actualSource() != ActualSource.LEDGER) {
            if (r.ledgerMeasure() != null || r.fundingLineId() != null) {
                throw ProblemException.invalidField("ledgerMeasure", "only a LEDGER indicator measures the ledger");
            }
            return;
        }
        if (r.ledgerMeasure() == null) {
            throw ProblemException.invalidField("ledgerMeasure", "is required when the actual comes from the ledger");
        }
        if (r.ledgerMeasure() == LedgerMeasure.SPENT) {
            if (project == null) {
                throw ProblemException.invalidField("projectId", "a cost indicator measures one project's spending");
            }
            if (r.direction() != Direction.LE) {
                throw ProblemException.invalidField("direction", "a cost ceiling is LE (≤ N)");
            }
            if (r.unit() == null || !MONEY_UNITS.contains(r.unit())) {
                throw ProblemException.invalidField("unit", "a cost indicator is in 元 or 万元");
            }
        } else {
            if (!"%".equals(r.unit())) {
                throw ProblemException.invalidField("unit", "an execution rate is in %");
            }
            if (r.fundingLineId() != null) {
                throw ProblemException.invalidField("fundingLineId", "an execution rate covers a whole project or department");
            }
        }
        if (r.fundingLineId() != null) {
            FundingLineLedger line = FundingLineLedger.findById(r.fundingLineId());
            if (line == null || !line.projectId.equals(r.projectId())) {
                throw ProblemException.invalidField("fundingLineId", "is not a funding line of project " + r.projectId());
            }
        }
    }

    private Indicator visible(UUID id) {
        Indicator i = Indicator.findById(id);
        if (i == null || !caller.canSee(i.departmentCode)) {
            throw ProblemException.notFound("indicator " + id);
        }
        return i;
    }

    /** Output records and typed actuals of one indicator are applied one at a time. */
    private Indicator lockVisible(UUID id) {
        Indicator i = visible(id);
        // read again under the lock: what was read before it may already have changed
        Indicator.getEntityManager().refresh(i, LockModeType.PESSIMISTIC_WRITE);
        return i;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
