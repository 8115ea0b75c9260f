package io.jixiao.report;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Read model: the latest figures the portal declared for a department-year. */
@Entity
@Table(name = "rm_declared_figures")
@IdClass(DepartmentYear.class)
public class DeclaredFigures extends PanacheEntityBase implements Serializable {

    @Id
    @Column(name = "department_code")
    public String departmentCode;

    @Id
    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "approved_total")
    public BigDecimal approvedTotal;

    @Column(name = "funds_allocated")
    public BigDecimal fundsAllocated;

    /** JSON: category → count, as declared. */
    @Column(name = "project_counts")
    public String projectCounts;

    @Column(name = "project_count")
    public int projectCount;
}
