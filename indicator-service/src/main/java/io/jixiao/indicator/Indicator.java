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

    @Column(nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public int fiscalYear;

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
    public String targetText;

    public String unit;

    /** 分值 */
    @Column(nullable = false)
    public BigDecimal weight;

    @Column(nullable = false)
    public boolean notApplicable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActualSource actualSource;

    @Enumerated(EnumType.STRING)
    public LedgerMeasure ledgerMeasure;

    /** A cost line over one funding line of its project (the seed's ≤30 and ≤4 of 智慧怀化工作经费). */
    public UUID fundingLineId;

    /** 实际完成值 */
    public BigDecimal actual;

    public String actualText;

    public BigDecimal numerator;

    public BigDecimal denominator;

    @Enumerated(EnumType.STRING)
    public QualitativeTier qualitativeTier;

    public BigDecimal qualitativeScore;

    /** 偏差原因分析 */
    public String deviationReason;

    /** 改进措施 */
    public String remedy;

    @Column(nullable = false)
    public OffsetDateTime definedAt;

    @Column(nullable = false)
    public String definedBy;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;
}
