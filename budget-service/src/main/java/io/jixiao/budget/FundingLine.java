package io.jixiao.budget;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One source of a project's budget (资金来源明细), e.g. this year's appropriation and a carry-over
 * from 2022. Arrivals and disbursements name their line; balances hold per line and per project.
 *
 * <p>{@link #budget}, {@link #arrived} and {@link #spent} are running totals of the adjustments and
 * the ledger, kept in the entry's transaction under the project lock so that the rules are checked
 * against a consistent balance without summing the whole ledger on every write.
 */
@Entity
@jakarta.persistence.Table(name = "funding_line")
public class FundingLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal approvedAmount;

    public Integer carriedOverFromYear;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal budget;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal arrived;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal spent;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    /** Arrived and not yet spent: what a disbursement may use. */
    public BigDecimal available() {
        return arrived.subtract(spent);
    }

    /** Budget not yet arrived: what an arrival may bring. */
    public BigDecimal remainingBudget() {
        return budget.subtract(arrived);
    }

    /** A project's figures: the sums over its lines. */
    public record Totals(BigDecimal budget, BigDecimal arrived, BigDecimal spent) {
    }

    public static Totals totals(List<FundingLine> lines) {
        BigDecimal budget = BigDecimal.ZERO.setScale(2);
        BigDecimal arrived = BigDecimal.ZERO.setScale(2);
        BigDecimal spent = BigDecimal.ZERO.setScale(2);
        for (FundingLine line : lines) {
            budget = budget.add(line.budget);
            arrived = arrived.add(line.arrived);
            spent = spent.add(line.spent);
        }
        return new Totals(budget, arrived, spent);
    }

    public static List<FundingLine> ofProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt, name", projectId);
    }
}
