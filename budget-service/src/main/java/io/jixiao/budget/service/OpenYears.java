package io.jixiao.budget.service;

import java.util.Map;

import io.jixiao.budget.ClosedDepartmentYear;
import io.jixiao.budget.Project;
import io.jixiao.common.problem.ProblemException;

/** Money moves only in a department-year whose report has not been accepted (or was reopened since). */
final class OpenYears {

    static void requireOpen(Project project) {
        ClosedDepartmentYear closed = ClosedDepartmentYear.findById(
                new ClosedDepartmentYear.Key(project.departmentCode, project.fiscalYear));
        if (closed != null) {
            throw closed(project.departmentCode, project.fiscalYear, closed.reportVersion);
        }
    }

    static ProblemException closed(String departmentCode, int fiscalYear, int reportVersion) {
        return ProblemException.ruleBroken("year-closed", "Department-year closed",
                departmentCode + " " + fiscalYear + " is closed: version " + reportVersion + " of its report was"
                        + " accepted, and no money moves until a finance reviewer reopens the year",
                Map.of("departmentCode", departmentCode, "fiscalYear", fiscalYear, "reportVersion", reportVersion));
    }

    private OpenYears() {
    }
}
