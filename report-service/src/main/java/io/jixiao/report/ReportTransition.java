package io.jixiao.report;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a report's workflow: who moved it, when, with what comment. Append-only. */
@Entity
@Table(name = "report_transition")
public class ReportTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    public String departmentCode;

    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    public ReportStatus fromStatus;

    @Enumerated(EnumType.STRING)
    public ReportStatus toStatus;

    public Integer version;

    public String comment;

    public String actorSubject;

    public String actorDepartment;

    public OffsetDateTime at;
}
