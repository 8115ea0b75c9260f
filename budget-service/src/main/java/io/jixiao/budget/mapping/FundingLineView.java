package io.jixiao.budget.mapping;

import java.util.UUID;

import io.jixiao.budget.FundingLine;
import io.jixiao.common.money.Yuan;

/** A funding line with its balance, amounts in yuan. */
public record FundingLineView(UUID id, String name, String approvedAmount, Integer carriedOverFromYear,
        String budget, String arrived, String spent, String available) {

    public static FundingLineView of(FundingLine line) {
        return new FundingLineView(line.id, line.name, Yuan.format(line.approvedAmount), line.carriedOverFromYear,
                Yuan.format(line.funds.budget), Yuan.format(line.funds.arrived), Yuan.format(line.funds.spent),
                Yuan.format(line.funds.available()));
    }
}
