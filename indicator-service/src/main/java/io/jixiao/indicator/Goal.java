package io.jixiao.indicator;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A performance goal (绩效目标): text, for a project or (without one) the department-year as a whole. */
@Entity
public class Goal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "department_code", nullable = false)
    public String departmentCode;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public int position;

    @Column(name = "defined_at", nullable = false)
    public OffsetDateTime definedAt;

    @Column(name = "defined_by", nullable = false)
    public String definedBy;
}
