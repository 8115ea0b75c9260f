package io.jixiao.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

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

    public String departmentCode;

    public int fiscalYear;

    public UUID projectId;

    public String level1;

    public String level2;

    public String name;

    public String direction;

    public BigDecimal target;

    public String targetText;

    public String unit;

    public BigDecimal weight;

    public boolean notApplicable;

    public String actualSource;

    public String ledgerMeasure;

    public UUID fundingLineId;

    public BigDecimal actual;

    public String actualText;

    public BigDecimal numerator;

    public BigDecimal denominator;

    public String qualitativeTier;

    public BigDecimal qualitativeScore;

    public String deviationReason;

    public String remedy;

    /** When it was defined (the event's time): the same after a rebuild, whatever order partitions replay in. */
    public OffsetDateTime definedAt;
}
