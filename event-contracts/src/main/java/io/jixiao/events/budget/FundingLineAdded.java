package io.jixiao.events.budget;

import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.FundingLineBudget;
import io.jixiao.events.ProjectEvent;
import io.jixiao.events.Totals;

/** jixiao.budget.FundingLineAdded.v1: a funding line added to a registered project. */
public record FundingLineAdded(String departmentCode, int fiscalYear, UUID projectId, FundingLineBudget fundingLine,
        Totals projectTotals, LocalDate businessDate, Actor actor) implements ProjectEvent {
}
