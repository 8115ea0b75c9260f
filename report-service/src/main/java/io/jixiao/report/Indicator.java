package io.jixiao.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Read model: an indicator with its current actual value, as indicator.events tell it. */
@Entity
@Table(name = "rm_indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "project_id")
    public UUID projectId;

    public String level1;

    public String level2;

    public String name;

    public String direction;

    public BigDecimal target;

    @Column(name = "target_text")
    public String targetText;

    public String unit;

    public BigDecimal weight;

    @Column(name = "not_applicable")
    public boolean notApplicable;

    @Column(name = "actual_source")
    public String actualSource;

    @Column(name = "ledger_measure")
    public String ledgerMeasure;

    @Column(name = "funding_line_id")
    public UUID fundingLineId;

    public BigDecimal actual;

    @Column(name = "actual_text")
    public String actualText;

    public BigDecimal numerator;

    public BigDecimal denominator;

    @Column(name = "qualitative_tier")
    public String qualitativeTier;

    @Column(name = "qualitative_score")
    public BigDecimal qualitativeScore;

    @Column(name = "deviation_reason")
    public String deviationReason;

    public String remedy;

    /** When it was defined (the event's time): the same after a rebuild, whatever order partitions replay in. */
    @Column(name = "defined_at")
    public OffsetDateTime definedAt;
}
