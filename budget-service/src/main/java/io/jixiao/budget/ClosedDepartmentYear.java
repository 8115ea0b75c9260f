package io.jixiao.budget;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A department-year whose report was accepted: no money moves on it until a finance reviewer reopens it
 * (report-service's DepartmentYearClosed / DepartmentYearReopened).
 */
@Entity
@Table(name = "closed_department_year")
@IdClass(ClosedDepartmentYear.Key.class)
public class ClosedDepartmentYear extends PanacheEntityBase {

    public record Key(String departmentCode, int fiscalYear) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "department_code")
    public String departmentCode;

    @Id
    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "report_version", nullable = false)
    public int reportVersion;

    @Column(name = "closed_at", nullable = false)
    public OffsetDateTime closedAt;

    @Column(name = "closed_by", nullable = false)
    public String closedBy;
}
