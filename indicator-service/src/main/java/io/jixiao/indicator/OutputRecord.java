package io.jixiao.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A dated output (产出) towards an indicator: a quantity, or a numerator/denominator pair for a rate
 * (2273 of 2486 requests resolved). Append-only; a correction is a new, signed record.
 */
@Entity
@Table(name = "output_record")
public class OutputRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "indicator_id", nullable = false)
    public UUID indicatorId;

    @Column(name = "recorded_on", nullable = false)
    public LocalDate recordedOn;

    public BigDecimal quantity;

    public BigDecimal numerator;

    public BigDecimal denominator;

    public String note;

    @Column(name = "corrects_record_id")
    public UUID correctsRecordId;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
