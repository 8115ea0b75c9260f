package io.jixiao.indicator.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.common.security.Caller;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.indicator.mapping.ProjectLedgerView;
import io.jixiao.indicator.mapping.ScoreView;
import io.jixiao.indicator.service.ScoringService;
import io.jixiao.indicator.service.ScoringPolicies;
import io.jixiao.indicator.mapping.PolicyAssignmentRequest;
import io.jixiao.indicator.mapping.PolicyAssignmentView;
import io.jixiao.common.time.FiscalYear;
import jakarta.validation.Valid;
import jakarta.ws.rs.PUT;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A department-year: its score, its in-year monitoring, and the ledger as this service knows it. */
@Path("/api/departments/{code}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "department-years")
public class DepartmentYearResource {

    @Inject
    ScoringService scoring;


    @Inject
    Caller caller;

    @Inject
    ScoringPolicies policies;

    /** Scores the department-year now, under the policy a finance reviewer assigned it (the default until then). */
    @Operation(operationId = "scoreDepartmentYear", summary = "Score a department-year under its assigned policy")
    @POST
    @Path("/score")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD })
    public ScoreView score(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return scoring.score(code, year);
    }

    /** A finance reviewer assigns the department-year its scoring policy; the department being evaluated cannot. */
    @Operation(operationId = "assignScoringPolicy", summary = "Assign the scoring policy (template) a department-year is scored under")
    @PUT
    @Path("/scoring-policy")
    @RolesAllowed(FINANCE_REVIEWER)
    public PolicyAssignmentView assignPolicy(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @NotNull @Valid PolicyAssignmentRequest request) {
        return policies.assign(code, year, request);
    }

    /** The department-year's policy assignments, the latest (the one in force) first. */
    @Operation(operationId = "listScoringPolicyAssignments", summary = "The scoring policy assigned to a department-year, and the assignments before it")
    @GET
    @Path("/scoring-policy")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<PolicyAssignmentView> policyAssignments(@PathParam("code") String code,
            @PathParam("year") @FiscalYear int year) {
        return policies.assignments(code, year);
    }

    @Operation(operationId = "getLatestScore", summary = "The latest score of a department-year")
    @GET
    @Path("/score")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public ScoreView latestScore(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return scoring.latest(code, year);
    }

    @Operation(operationId = "getLedgerView", summary = "indicator-service's view of a department-year's ledger, per project")
    @GET
    @Path("/ledger")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<ProjectLedgerView> ledger(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        caller.requireVisible(code, "department " + code);
        List<ProjectLedger> projects = ProjectLedger.list("departmentCode = ?1 and fiscalYear = ?2 order by name", code,
                year);
        return projects.stream().map(ProjectLedgerView::of).toList();
    }
}
