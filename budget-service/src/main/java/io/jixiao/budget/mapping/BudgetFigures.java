package io.jixiao.budget.mapping;

import java.math.BigDecimal;
import io.jixiao.common.money.Funds;
import io.jixiao.common.money.Yuan;

/**
 * Budget, arrived and spent with what follows from them (DESIGN §2): available = arrived − spent;
 * arrival rate = arrived ÷ budget; execution rate = spent ÷ budget; savings = budget − spent and
 * its rate. Rates are percentages from the unrounded sums, null where the budget is zero.
 */
public record BudgetFigures(String budget, String arrived, String spent, String available, String remainingBudget,
        String savings, String arrivalRate, String executionRate, String savingsRate) {

    public static BudgetFigures of(Funds funds) {
        return of(funds.budget, funds.arrived, funds.spent);
    }

    public static BudgetFigures of(BigDecimal budget, BigDecimal arrived, BigDecimal spent) {
        BigDecimal savings = budget.subtract(spent);
        return new BudgetFigures(Yuan.format(budget), Yuan.format(arrived), Yuan.format(spent),
                Yuan.format(arrived.subtract(spent)), Yuan.format(budget.subtract(arrived)), Yuan.format(savings),
                Yuan.percent(arrived, budget), Yuan.percent(spent, budget), Yuan.percent(savings, budget));
    }
}
