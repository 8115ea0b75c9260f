package io.jixiao.indicator.mapping;

import java.time.OffsetDateTime;

import io.jixiao.indicator.ScoringPolicyAssignment;

public record PolicyAssignmentView(String departmentCode, int fiscalYear, String policy, String reason,
        OffsetDateTime assignedAt, String assignedBy) {

    public static PolicyAssignmentView of(ScoringPolicyAssignment a) {
        return new PolicyAssignmentView(a.departmentCode, a.fiscalYear, a.policyName, a.reason, a.assignedAt, a.assignedBy);
    }
}
