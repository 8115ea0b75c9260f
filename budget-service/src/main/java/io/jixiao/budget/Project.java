package io.jixiao.budget;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A project expenditure (项目支出) of a department in a fiscal year. Its budget lives in its
 * {@link FundingLine}s; its money in the {@link LedgerEntry} ledger. The row itself never changes
 * after registration: money writes lock it to serialise per project.
 */
@Entity
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectCategory category;

    public String fundSource;

    public String legalBasis;

    /** 代建代付: built or paid on behalf of other units. */
    @Column(nullable = false)
    public boolean paidOnBehalf;

    /** The project this one was split from (carry-over splits). */
    public UUID parentProjectId;

    @Column(nullable = false)
    public OffsetDateTime registeredAt;

    @Column(nullable = false)
    public String registeredBy;
}
