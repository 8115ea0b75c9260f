package io.jixiao.report;

import java.io.Serializable;
import java.math.BigDecimal;

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
    public String departmentCode;

    @Id
    public int fiscalYear;

    public BigDecimal approvedTotal;

    public BigDecimal fundsAllocated;

    /** JSON: category → count, as declared. */
    public String projectCounts;

    public int projectCount;
}
