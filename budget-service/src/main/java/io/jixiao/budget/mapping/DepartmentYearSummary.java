package io.jixiao.budget.mapping;

import java.util.List;

import io.jixiao.budget.ProjectCategory;

/**
 * A department-year from the ledger: counts and figures per category and in total, next to what the
 * portal declared (null when nothing was declared). Reconciling the two is report-service's job.
 */
public record DepartmentYearSummary(String departmentCode, int fiscalYear, List<CategoryFigures> categories,
        CategoryFigures total, DeclaredFiguresView declared) {

    public record CategoryFigures(ProjectCategory category, long projectCount, BudgetFigures figures) {
    }
}
