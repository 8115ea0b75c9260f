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

    @Column(nullable = false)
    public UUID indicatorId;

    @Column(nullable = false)
    public LocalDate recordedOn;

    public BigDecimal quantity;

    public BigDecimal numerator;

    public BigDecimal denominator;

    public String note;

    public UUID correctsRecordId;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String recordedBy;
}
