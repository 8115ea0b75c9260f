package io.jixiao.indicator.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.jixiao.common.history.ChangeHistory;
import io.jixiao.events.Actor;
import io.jixiao.indicator.mapping.IndicatorView;
import io.jixiao.indicator.ActualSource;
import io.jixiao.indicator.FundingLineLedger;
import io.jixiao.indicator.Indicator;
import io.jixiao.indicator.LedgerMeasure;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.indicator.messaging.IndicatorEvents;

/**
 * The actual values nobody types: a cost ceiling's actual is what was spent (on the project or one
 * funding line, in 元 or 万元), an execution-rate line's is spent ÷ budget. Recomputed whenever the
 * ledger moves; a change is published as IndicatorActualChanged.
 */
@ApplicationScoped
public class LedgerActuals {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    IndicatorEvents events;

    @Inject
    ChangeHistory history;

    /** A project whose money moved, and who moved it last. */
    public record ProjectMoved(ProjectLedger project, Actor actor) {
    }

    /**
     * After projects' money moved (a batch's worth, in the order they first moved): each one's
     * ledger-fed indicators, and its department-year's execution rate. One query finds them all, and
     * each indicator is recomputed once, by the first project that reaches it: the ledger already holds
     * the batch's final totals, so a second recomputation would find nothing changed.
     */
    public void refresh(List<ProjectMoved> moved) {
        if (moved.isEmpty()) {
            return;
        }
        Set<UUID> projects = new HashSet<>();
        Set<String> departments = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        for (ProjectMoved m : moved) {
            projects.add(m.project().projectId);
            departments.add(m.project().departmentCode);
            years.add(m.project().fiscalYear);
        }
        Map<UUID, List<Indicator>> byProject = new HashMap<>();
        Map<String, List<Indicator>> byDepartmentYear = new HashMap<>();
        // locked, in id order (a person's write locks one, so no two wait on each other), and read only once
        // locked: a deviation reason saved meanwhile is read and kept, not overwritten with what was read before
        List<Indicator> affected = Indicator.find("""
                actualSource = ?1 and ((projectId in ?2) or (projectId is null and departmentCode in ?3
                and fiscalYear in ?4 and ledgerMeasure = ?5)) order by id""",
                ActualSource.LEDGER, projects, departments, years, LedgerMeasure.EXECUTION_RATE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Indicator indicator : affected) {
            if (indicator.projectId != null) {
                byProject.computeIfAbsent(indicator.projectId, id -> new ArrayList<>()).add(indicator);
            } else {
                // departments × years may pair a department with a year none of its moved projects has
                byDepartmentYear.computeIfAbsent(indicator.departmentCode + "/" + indicator.fiscalYear,
                        key -> new ArrayList<>()).add(indicator);
            }
        }
        for (ProjectMoved m : moved) {
            ProjectLedger project = m.project();
            byProject.getOrDefault(project.projectId, List.of()).forEach(indicator -> update(indicator, m.actor()));
            List<Indicator> departmentWide = byDepartmentYear.remove(project.departmentCode + "/" + project.fiscalYear);
            if (departmentWide != null) {
                departmentWide.forEach(indicator -> update(indicator, m.actor()));
            }
        }
    }

    /** Sets the indicator's actual from the ledger; publishes when it changed. */
    public void update(Indicator indicator, Actor actor) {
        BigDecimal value = measure(indicator);
        if (Objects.equals(value == null ? null : value.stripTrailingZeros(),
                indicator.actual == null ? null : indicator.actual.stripTrailingZeros())) {
            return;
        }
        IndicatorView before = IndicatorView.of(indicator);
        indicator.actual = value;
        indicator.updatedAt = OffsetDateTime.now();
        events.actualChanged(indicator, actor);
        history.record(IndicatorService.HISTORY, indicator.id.toString(), "actual-from-ledger", before,
                IndicatorView.of(indicator), actor);
    }

    BigDecimal measure(Indicator indicator) {
        if (indicator.ledgerMeasure == LedgerMeasure.SPENT) {
            BigDecimal spent = spent(indicator);
            return spent == null ? null : "万元".equals(indicator.unit) ? spent.divide(TEN_THOUSAND) : spent;
        }
        ProjectLedger.Totals totals = indicator.projectId != null ? projectTotals(indicator)
                : ProjectLedger.departmentYear(indicator.departmentCode, indicator.fiscalYear);
        if (totals == null || totals.budget().signum() == 0) {
            return null;
        }
        return totals.spent().multiply(HUNDRED).divide(totals.budget(), MathContext.DECIMAL128)
                .setScale(8, RoundingMode.HALF_UP);
    }

    private static BigDecimal spent(Indicator indicator) {
        if (indicator.fundingLineId != null) {
            FundingLineLedger line = FundingLineLedger.findById(indicator.fundingLineId);
            return line == null ? null : line.funds.spent;
        }
        ProjectLedger project = ProjectLedger.findById(indicator.projectId);
        return project == null ? null : project.funds.spent;
    }

    private static ProjectLedger.Totals projectTotals(Indicator indicator) {
        ProjectLedger project = ProjectLedger.findById(indicator.projectId);
        return project == null ? null : new ProjectLedger.Totals(project.funds.budget, project.funds.spent);
    }

}
