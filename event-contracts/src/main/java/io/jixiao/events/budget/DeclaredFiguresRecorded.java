package io.jixiao.events.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;

/**
 * jixiao.budget.DeclaredFiguresRecorded.v1: the figures a department's document states for its year, kept as
 * stated (checked against the ledger, never replacing it). {@code projectCounts} is by category.
 */
public record DeclaredFiguresRecorded(String departmentCode, int fiscalYear, BigDecimal approvedTotal,
        Map<String, Integer> projectCounts, int projectCount, BigDecimal fundsAllocated, LocalDate businessDate,
        Actor actor) implements EventPayload {
}
