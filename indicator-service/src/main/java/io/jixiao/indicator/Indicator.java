package io.jixiao.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A level-3 performance indicator (三级指标) of a project, or of the department-year when it has no
 * project: its place in the tree, direction, target and weight, and its current actual value with
 * where that value came from.
 */
@Entity
public class Indicator extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "project_id")
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IndicatorLevel1 level1;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IndicatorLevel2 level2;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    /** 年度指标值; null for a qualitative indicator. */
    public BigDecimal target;

    /** The target as the department wrote it, for qualitative indicators ("按时完成"). */
    @Column(name = "target_text")
    public String targetText;

    public String unit;

    /** 分值 */
    @Column(nullable = false)
    public BigDecimal weight;

    @Column(name = "not_applicable", nullable = false)
    public boolean notApplicable;

    @Enumerated(EnumType.STRING)
    @Column(name = "actual_source", nullable = false)
    public ActualSource actualSource;

    @Enumerated(EnumType.STRING)
    @Column(name = "ledger_measure")
    public LedgerMeasure ledgerMeasure;

    /** A cost line over one funding line of its project (the seed's ≤30 and ≤4 of 智慧怀化工作经费). */
    @Column(name = "funding_line_id")
    public UUID fundingLineId;

    /** 实际完成值 */
    public BigDecimal actual;

    @Column(name = "actual_text")
    public String actualText;

    public BigDecimal numerator;

    public BigDecimal denominator;

    @Enumerated(EnumType.STRING)
    @Column(name = "qualitative_tier")
    public QualitativeTier qualitativeTier;

    @Column(name = "qualitative_score")
    public BigDecimal qualitativeScore;

    /** 偏差原因分析 */
    @Column(name = "deviation_reason")
    public String deviationReason;

    /** 改进措施 */
    public String remedy;

    @Column(name = "defined_at", nullable = false)
    public OffsetDateTime definedAt;

    @Column(name = "defined_by", nullable = false)
    public String definedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
