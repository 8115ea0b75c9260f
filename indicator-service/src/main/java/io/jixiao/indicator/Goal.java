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

    @Column(nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public int fiscalYear;

    public UUID projectId;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public OffsetDateTime definedAt;

    @Column(nullable = false)
    public String definedBy;
}
