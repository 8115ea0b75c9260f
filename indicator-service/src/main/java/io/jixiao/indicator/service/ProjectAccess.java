package io.jixiao.indicator.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;
import io.jixiao.indicator.ProjectLedger;

/**
 * The projects indicator-service knows (from budget.events), and whether the caller may attach
 * goals and indicators to them.
 */
@ApplicationScoped
public class ProjectAccess {

    @Inject
    Caller caller;

    /**
     * The caller may write for this department-year, and the project, if named, is one of its
     * projects (registered in budget-service and seen here through its event).
     */
    public ProjectLedger requireWritable(String departmentCode, int fiscalYear, UUID projectId) {
        if (!caller.canSee(departmentCode)) {
            throw ProblemException.invalidField("departmentCode", "you may not write for department " + departmentCode);
        }
        if (projectId == null) {
            return null;
        }
        ProjectLedger project = ProjectLedger.findById(projectId);
        if (project == null || !project.departmentCode.equals(departmentCode) || project.fiscalYear != fiscalYear) {
            throw ProblemException.invalidField("projectId", "no project " + projectId + " of " + departmentCode + " "
                    + fiscalYear + " is known (projects are registered in budget-service)");
        }
        return project;
    }
}
