package io.jixiao.report;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
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

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReportStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReportStatus toStatus;

    public Integer version;

    public String comment;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_department")
    public String actorDepartment;

    public OffsetDateTime at;
}
