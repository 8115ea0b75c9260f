package io.jixiao.events.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.FundingLineBudget;
import io.jixiao.events.ProjectEvent;

/** jixiao.budget.ProjectRegistered.v1: a project and its funding lines; {@code budget} is their sum. */
public record ProjectRegistered(String departmentCode, int fiscalYear, UUID projectId, String name, String category,
        String fundSource, String legalBasis, boolean paidOnBehalf, UUID parentProjectId, BigDecimal budget,
        List<FundingLineBudget> fundingLines, LocalDate businessDate, Actor actor) implements ProjectEvent {
}
