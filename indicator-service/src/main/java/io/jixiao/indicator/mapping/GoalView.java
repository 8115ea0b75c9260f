package io.jixiao.indicator.mapping;

import java.util.UUID;

import io.jixiao.indicator.Goal;

public record GoalView(UUID id, String departmentCode, int fiscalYear, UUID projectId, String text, int position) {

    public static GoalView of(Goal g) {
        return new GoalView(g.id, g.departmentCode, g.fiscalYear, g.projectId, g.text, g.position);
    }
}
