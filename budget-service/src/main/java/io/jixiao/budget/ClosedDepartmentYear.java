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
    public String departmentCode;

    @Id
    public int fiscalYear;

    @Column(nullable = false)
    public int reportVersion;

    @Column(nullable = false)
    public OffsetDateTime closedAt;

    @Column(nullable = false)
    public String closedBy;
}
