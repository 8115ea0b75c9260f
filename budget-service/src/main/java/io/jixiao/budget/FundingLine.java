package io.jixiao.budget;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.jixiao.common.money.Funds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One source of a project's budget (资金来源明细), e.g. this year's appropriation and a carry-over
 * from 2022. Arrivals and disbursements name their line; balances hold per line and per project.
 *
 * <p>Its {@link #funds} (budget, arrived, spent) are running totals of the adjustments and
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

    /** Running totals of the adjustments and the ledger (see above). */
    @Embedded
    public Funds funds = new Funds();

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    /** A project's figures: the sums over its lines. */
    public static Funds totals(List<FundingLine> lines) {
        Funds totals = new Funds();
        for (FundingLine line : lines) {
            totals = totals.plus(line.funds);
        }
        return totals;
    }

    public static List<FundingLine> ofProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt, name", projectId);
    }
}
