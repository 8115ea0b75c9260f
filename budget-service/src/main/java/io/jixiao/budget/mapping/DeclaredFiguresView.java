package io.jixiao.budget.mapping;

import java.time.OffsetDateTime;
import java.util.Map;

import io.jixiao.budget.DeclaredFigures;
import io.jixiao.budget.ProjectCategory;
import io.jixiao.common.money.Yuan;

public record DeclaredFiguresView(String departmentCode, int fiscalYear, String approvedTotal,
        Map<ProjectCategory, Integer> projectCounts, int projectCount, String fundsAllocated,
        OffsetDateTime recordedAt, String recordedBy) {

    public static DeclaredFiguresView of(DeclaredFigures d) {
        return new DeclaredFiguresView(d.departmentCode, d.fiscalYear, Yuan.format(d.approvedTotal), d.projectCounts(),
                d.projectCount, Yuan.format(d.fundsAllocated), d.recordedAt, d.recordedBy);
    }
}
