package io.jixiao.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.jixiao.common.money.Funds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Read model: a project and its money, as budget.events tell it. */
@Entity
@Table(name = "rm_project")
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    public String departmentCode;

    public int fiscalYear;

    public String name;

    public String category;

    public String fundSource;

    public String legalBasis;

    public boolean paidOnBehalf;

    public UUID parentProjectId;

    @Embedded
    public Funds funds = new Funds();

    /** When budget-service registered it (the event's time): the report lists projects in this order. */
    public OffsetDateTime registeredAt;

    public static List<Project> ofDepartmentYear(String departmentCode, int fiscalYear) {
        return list("departmentCode = ?1 and fiscalYear = ?2 order by registeredAt, name", departmentCode, fiscalYear);
    }
}
