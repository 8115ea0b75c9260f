package io.jixiao.common.money;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The three figures every holder of money keeps (a funding line, a project, in the ledger and in each read model):
 * the budget (预算数), what has arrived (到位数) and what has been spent (执行数), in yuan, exact to the fen.
 * Embedded, its columns are {@code budget}, {@code arrived} and {@code spent} of the holder's table.
 */
@Embeddable
public class Funds {

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal budget;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal arrived;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal spent;

    public Funds() {
        this(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public Funds(BigDecimal budget, BigDecimal arrived, BigDecimal spent) {
        this.budget = budget.setScale(2);
        this.arrived = arrived.setScale(2);
        this.spent = spent.setScale(2);
    }

    /** Arrived and not yet spent: what a disbursement may use. */
    public BigDecimal available() {
        return arrived.subtract(spent);
    }

    /** Budget not yet arrived: what an arrival may bring. */
    public BigDecimal remainingBudget() {
        return budget.subtract(arrived);
    }

    /** These figures and the other's, summed (a project's from its lines, a department's from its projects). */
    public Funds plus(Funds other) {
        return new Funds(budget.add(other.budget), arrived.add(other.arrived), spent.add(other.spent));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Funds f && budget.compareTo(f.budget) == 0 && arrived.compareTo(f.arrived) == 0
                && spent.compareTo(f.spent) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(budget.stripTrailingZeros(), arrived.stripTrailingZeros(), spent.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return "budget " + budget.toPlainString() + ", arrived " + arrived.toPlainString() + ", spent " + spent.toPlainString();
    }
}
