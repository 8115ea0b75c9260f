package io.jixiao.report;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A department-year's self-evaluation report: where it is in its workflow. */
@Entity
@Table(name = "report")
@IdClass(DepartmentYear.class)
public class Report extends PanacheEntityBase implements Serializable {

    @Id
    public String departmentCode;

    @Id
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    public int latestVersion;

    public OffsetDateTime updatedAt;
}
