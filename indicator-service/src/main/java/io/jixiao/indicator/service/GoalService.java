package io.jixiao.indicator.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.jixiao.common.security.Caller;
import io.jixiao.indicator.Goal;
import io.jixiao.indicator.mapping.GoalRequest;
import io.jixiao.indicator.mapping.GoalView;
import io.jixiao.indicator.messaging.IndicatorEvents;

@ApplicationScoped
public class GoalService {

    @Inject
    Caller caller;

    @Inject
    ProjectAccess projects;

    @Inject
    IndicatorEvents events;

    @Transactional
    public GoalView define(GoalRequest request) {
        projects.requireWritable(request.departmentCode(), request.fiscalYear(), request.projectId());
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.departmentCode = request.departmentCode();
        goal.fiscalYear = request.fiscalYear();
        goal.projectId = request.projectId();
        goal.text = request.text().strip();
        goal.position = request.position() != null ? request.position()
                : (int) Goal.count("departmentCode = ?1 and fiscalYear = ?2", goal.departmentCode, goal.fiscalYear);
        goal.definedAt = OffsetDateTime.now();
        goal.definedBy = caller.subject();
        goal.persist();
        events.goalDefined(goal, caller.actor());
        return GoalView.of(goal);
    }

    public List<GoalView> list(String departmentCode, int fiscalYear) {
        caller.requireVisible(departmentCode, "department " + departmentCode);
        List<Goal> goals = Goal.list("departmentCode = ?1 and fiscalYear = ?2 order by position, definedAt",
                departmentCode, fiscalYear);
        return goals.stream().map(GoalView::of).toList();
    }
}
