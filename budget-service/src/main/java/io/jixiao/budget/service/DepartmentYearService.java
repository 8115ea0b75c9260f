package io.jixiao.budget.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.jixiao.budget.DeclaredFigures;
import io.jixiao.budget.ProjectCategory;
import io.jixiao.budget.mapping.DeclaredFiguresRequest;
import io.jixiao.budget.mapping.DeclaredFiguresView;
import io.jixiao.budget.mapping.DepartmentYearSummary;
import io.jixiao.budget.mapping.DepartmentYearSummary.CategoryFigures;
import io.jixiao.budget.mapping.BudgetFigures;
import io.jixiao.budget.messaging.BudgetEvents;
import io.jixiao.common.history.ChangeHistory;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;
import io.jixiao.common.tx.SubjectLock;

/** A department's fiscal year: what the portal declares for it, and what its ledger adds up to. */
@ApplicationScoped
public class DepartmentYearService {

    @Inject
    DepartmentService departments;

    @Inject
    Caller caller;

    @Inject
    BudgetEvents events;

    @Inject
    EntityManager em;

    @Inject
    SubjectLock subjectLock;

    @Inject
    ChangeHistory history;

    @Transactional
    public DeclaredFiguresView declare(String departmentCode, int fiscalYear, DeclaredFiguresRequest request) {
        departments.visible(departmentCode);
        // two declarations at once: the later commit's event is published last, so it is the one that holds
        subjectLock.lock("declared-figures/" + departmentCode + "/" + fiscalYear);
        DeclaredFiguresView before = DeclaredFigures.latest(departmentCode, fiscalYear).map(DeclaredFiguresView::of)
                .orElse(null);
        DeclaredFigures declared = new DeclaredFigures();
        declared.id = UUID.randomUUID();
        declared.departmentCode = departmentCode;
        declared.fiscalYear = fiscalYear;
        declared.approvedTotal = request.approvedTotal().setScale(2);
        declared.fundsAllocated = request.fundsAllocated().setScale(2);
        declared.setProjectCounts(request.projectCounts());
        declared.projectCount = request.projectCount();
        declared.recordedAt = OffsetDateTime.now();
        declared.recordedBy = caller.subject();
        declared.persist();
        events.declaredFiguresRecorded(declared);
        DeclaredFiguresView after = DeclaredFiguresView.of(declared);
        history.record(HISTORY, departmentCode + "/" + fiscalYear, before == null ? "declared" : "declared again", before,
                after);
        return after;
    }

    /** Every declaration of the department-year, with what it replaced, oldest first. */
    public List<ChangeHistory.Change> declaredHistory(String departmentCode, int fiscalYear) {
        departments.visible(departmentCode);
        return history.of(HISTORY, departmentCode + "/" + fiscalYear);
    }

    private static final String HISTORY = "declared-figures";

    public DeclaredFiguresView declared(String departmentCode, int fiscalYear) {
        departments.visible(departmentCode);
        return DeclaredFigures.latest(departmentCode, fiscalYear).map(DeclaredFiguresView::of)
                .orElseThrow(() -> ProblemException.notFound("declared figures of " + departmentCode + " " + fiscalYear));
    }

    public DepartmentYearSummary summary(String departmentCode, int fiscalYear) {
        departments.visible(departmentCode);
        List<Object[]> rows = em.createQuery("""
                select p.category, count(distinct p.id), coalesce(sum(l.funds.budget), 0), coalesce(sum(l.funds.arrived), 0),
                       coalesce(sum(l.funds.spent), 0)
                from Project p left join FundingLine l on l.projectId = p.id
                where p.departmentCode = ?1 and p.fiscalYear = ?2
                group by p.category""", Object[].class)
                .setParameter(1, departmentCode)
                .setParameter(2, fiscalYear)
                .getResultList();
        Map<ProjectCategory, Object[]> byCategory = new EnumMap<>(ProjectCategory.class);
        rows.forEach(row -> byCategory.put((ProjectCategory) row[0], row));

        List<CategoryFigures> categories = new ArrayList<>();
        long count = 0;
        BigDecimal budget = BigDecimal.ZERO.setScale(2);
        BigDecimal arrived = BigDecimal.ZERO.setScale(2);
        BigDecimal spent = BigDecimal.ZERO.setScale(2);
        for (ProjectCategory category : ProjectCategory.values()) {
            Object[] row = byCategory.get(category);
            long n = row == null ? 0 : (Long) row[1];
            BigDecimal b = row == null ? BigDecimal.ZERO.setScale(2) : money(row[2]);
            BigDecimal a = row == null ? BigDecimal.ZERO.setScale(2) : money(row[3]);
            BigDecimal s = row == null ? BigDecimal.ZERO.setScale(2) : money(row[4]);
            categories.add(new CategoryFigures(category, n, BudgetFigures.of(b, a, s)));
            count += n;
            budget = budget.add(b);
            arrived = arrived.add(a);
            spent = spent.add(s);
        }
        DeclaredFiguresView declared = DeclaredFigures.latest(departmentCode, fiscalYear).map(DeclaredFiguresView::of)
                .orElse(null);
        return new DepartmentYearSummary(departmentCode, fiscalYear, categories,
                new CategoryFigures(null, count, BudgetFigures.of(budget, arrived, spent)), declared);
    }

    private static BigDecimal money(Object value) {
        return ((BigDecimal) value).setScale(2);
    }
}
