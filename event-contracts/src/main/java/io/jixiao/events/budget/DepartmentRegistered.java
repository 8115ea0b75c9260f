package io.jixiao.events.budget;

import java.time.LocalDate;

import io.jixiao.events.Actor;
import io.jixiao.events.EventPayload;

/** jixiao.budget.DepartmentRegistered.v1: a department (预算单位) was registered. */
public record DepartmentRegistered(String departmentCode, String name, LocalDate businessDate, Actor actor)
        implements EventPayload {
}
