package io.jixiao.indicator.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.common.security.Caller;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.indicator.mapping.MonitoringView;
import io.jixiao.indicator.mapping.ProjectLedgerView;
import io.jixiao.indicator.mapping.ScoreView;
import io.jixiao.indicator.service.MonitoringService;
import io.jixiao.indicator.service.ScoringService;
import io.jixiao.indicator.service.ScoringPolicies;
import io.jixiao.indicator.mapping.PolicyAssignmentRequest;
import io.jixiao.indicator.mapping.PolicyAssignmentView;
import io.jixiao.common.time.FiscalYear;
import jakarta.validation.Valid;
import jakarta.ws.rs.PUT;

/** A department-year: its score, its in-year monitoring, and the ledger as this service knows it. */
@Path("/api/departments/{code}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "department-years")
public class DepartmentYearResource {

    @Inject
    ScoringService scoring;

    @Inject
    MonitoringService monitoring;

    @Inject
    Caller caller;

    @Inject
    ScoringPolicies policies;

    /** Scores the department-year now, under the policy a finance reviewer assigned it (the default until then). */
    @POST
    @Path("/score")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD })
    public ScoreView score(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return scoring.score(code, year);
    }

    /** A finance reviewer assigns the department-year its scoring policy; the department being evaluated cannot. */
    @PUT
    @Path("/scoring-policy")
    @RolesAllowed(FINANCE_REVIEWER)
    public PolicyAssignmentView assignPolicy(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @NotNull @Valid PolicyAssignmentRequest request) {
        return policies.assign(code, year, request);
    }

    /** The department-year's policy assignments, the latest (the one in force) first. */
    @GET
    @Path("/scoring-policy")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<PolicyAssignmentView> policyAssignments(@PathParam("code") String code,
            @PathParam("year") @FiscalYear int year) {
        return policies.assignments(code, year);
    }

    @GET
    @Path("/score")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public ScoreView latestScore(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return scoring.latest(code, year);
    }

    @GET
    @Path("/monitoring")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public MonitoringView monitoring(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @QueryParam("month") @NotNull @Min(1) @Max(12) Integer month) {
        return monitoring.monitor(code, year, month);
    }

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
