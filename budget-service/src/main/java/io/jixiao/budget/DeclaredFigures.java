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

    @Column(nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public int fiscalYear;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal approvedTotal;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal fundsAllocated;

    @Column(nullable = false)
    public int openingBudgetCount;

    @Column(nullable = false)
    public int nonTaxRevenueCount;

    @Column(nullable = false)
    public int midYearAdjustmentCount;

    @Column(nullable = false)
    public int higherLevelSpecialCount;

    @Column(nullable = false)
    public int carryOverCount;

    @Column(nullable = false)
    public int projectCount;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
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
