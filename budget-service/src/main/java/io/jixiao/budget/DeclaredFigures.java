package io.jixiao.budget;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What the finance portal declares for a department-year (the approved total, project counts per
 * category, funds allocated), kept exactly as declared so it can be reconciled with the line items.
 * A new declaration is a new row; the latest is current.
 */
@Entity
@Table(name = "declared_figures")
public class DeclaredFigures extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "approved_total", nullable = false, precision = 18, scale = 2)
    public BigDecimal approvedTotal;

    @Column(name = "funds_allocated", nullable = false, precision = 18, scale = 2)
    public BigDecimal fundsAllocated;

    @Column(name = "opening_budget_count", nullable = false)
    public int openingBudgetCount;

    @Column(name = "non_tax_revenue_count", nullable = false)
    public int nonTaxRevenueCount;

    @Column(name = "mid_year_adjustment_count", nullable = false)
    public int midYearAdjustmentCount;

    @Column(name = "higher_level_special_count", nullable = false)
    public int higherLevelSpecialCount;

    @Column(name = "carry_over_count", nullable = false)
    public int carryOverCount;

    @Column(name = "project_count", nullable = false)
    public int projectCount;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public Map<ProjectCategory, Integer> projectCounts() {
        Map<ProjectCategory, Integer> counts = new EnumMap<>(ProjectCategory.class);
        counts.put(ProjectCategory.OPENING_BUDGET, openingBudgetCount);
        counts.put(ProjectCategory.NON_TAX_REVENUE, nonTaxRevenueCount);
        counts.put(ProjectCategory.MID_YEAR_ADJUSTMENT, midYearAdjustmentCount);
        counts.put(ProjectCategory.HIGHER_LEVEL_SPECIAL, higherLevelSpecialCount);
        counts.put(ProjectCategory.CARRY_OVER, carryOverCount);
        return counts;
    }

    public void setProjectCounts(Map<ProjectCategory, Integer> counts) {
        openingBudgetCount = counts.getOrDefault(ProjectCategory.OPENING_BUDGET, 0);
        nonTaxRevenueCount = counts.getOrDefault(ProjectCategory.NON_TAX_REVENUE, 0);
        midYearAdjustmentCount = counts.getOrDefault(ProjectCategory.MID_YEAR_ADJUSTMENT, 0);
        higherLevelSpecialCount = counts.getOrDefault(ProjectCategory.HIGHER_LEVEL_SPECIAL, 0);
        carryOverCount = counts.getOrDefault(ProjectCategory.CARRY_OVER, 0);
    }

    public static Optional<DeclaredFigures> latest(String departmentCode, int fiscalYear) {
        return find("departmentCode = ?1 and fiscalYear = ?2 order by recordedAt desc", departmentCode, fiscalYear)
                .firstResultOptional();
    }
}
