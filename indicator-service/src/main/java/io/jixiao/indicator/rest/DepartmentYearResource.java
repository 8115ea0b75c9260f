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

/** A department-year: its score, its in-year monitoring, and the ledger as this service knows it. */
@Path("/api/departments/{code}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "department-years")
public class DepartmentYearResource {

    @Inject
    ScoringService scoring;

    @Inject
    MonitoringService monitoring;

    @Inject
    Caller caller;

    /** Scores the department-year now, under its policy ({@code policy} only before its first score). */
    @POST
    @Path("/score")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, ADMIN })
    public ScoreView score(@PathParam("code") String code, @PathParam("year") int year,
            @QueryParam("policy") String policy) {
        return scoring.score(code, year, policy);
    }

    @GET
    @Path("/score")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public ScoreView latestScore(@PathParam("code") String code, @PathParam("year") int year) {
        return scoring.latest(code, year);
    }

    @GET
    @Path("/monitoring")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public MonitoringView monitoring(@PathParam("code") String code, @PathParam("year") int year,
            @QueryParam("month") @NotNull @Min(1) @Max(12) Integer month) {
        return monitoring.monitor(code, year, month);
    }

    @GET
    @Path("/ledger")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<ProjectLedgerView> ledger(@PathParam("code") String code, @PathParam("year") int year) {
        caller.requireVisible(code, "department " + code);
        List<ProjectLedger> projects = ProjectLedger.list("departmentCode = ?1 and fiscalYear = ?2 order by name", code,
                year);
        return projects.stream().map(ProjectLedgerView::of).toList();
    }
}
