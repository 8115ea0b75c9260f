package io.jixiao.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed change to a funding line's budget (预算调整), with its reason and document. Append-only. */
@Entity
@Table(name = "budget_adjustment")
public class BudgetAdjustment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public UUID fundingLineId;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false)
    public String reason;

    public String documentRef;

    @Column(nullable = false)
    public LocalDate adjustedOn;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String recordedBy;
}
