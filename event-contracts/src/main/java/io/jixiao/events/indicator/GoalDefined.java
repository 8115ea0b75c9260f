package io.jixiao.events.indicator;

import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;

/** jixiao.indicator.GoalDefined.v1: a performance goal (绩效目标) of a project, or of the department when none. */
public record GoalDefined(String departmentCode, int fiscalYear, UUID projectId, UUID goalId, String text,
        int position, LocalDate businessDate, Actor actor) implements EventPayload {
}
