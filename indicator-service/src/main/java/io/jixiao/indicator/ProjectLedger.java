package io.jixiao.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.jixiao.common.money.Funds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A project's money as budget.events report it: the totals after the latest event of the project. */
@Entity
@Table(name = "project_ledger")
public class ProjectLedger extends PanacheEntityBase {

    @Id
    public UUID projectId;

    @Column(nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String category;

    @Embedded
    public Funds funds = new Funds();

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    /** A department-year's budget and spending: the sums over its projects. */
    public record Totals(BigDecimal budget, BigDecimal spent) {
    }

    public static Totals departmentYear(String departmentCode, int fiscalYear) {
        Object[] row = (Object[]) getEntityManager().createQuery("""
                select coalesce(sum(p.funds.budget), 0), coalesce(sum(p.funds.spent), 0) from ProjectLedger p
                where p.departmentCode = ?1 and p.fiscalYear = ?2""")
                .setParameter(1, departmentCode)
                .setParameter(2, fiscalYear)
                .getSingleResult();
        return new Totals((BigDecimal) row[0], (BigDecimal) row[1]);
    }
}
