package io.jixiao.indicator.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.common.idempotency.Idempotent;
import io.jixiao.common.time.FiscalYear;
import io.jixiao.indicator.mapping.GoalRequest;
import io.jixiao.indicator.mapping.GoalView;
import io.jixiao.indicator.service.GoalService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.jixiao.common.openapi.ApiContract;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** Performance goals (绩效目标) of projects and department-years. */
@Path("/api/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "goals")
public class GoalResource {

    @Inject
    GoalService goals;


    @Operation(operationId = "defineGoal", summary = "Define a performance goal (绩效目标)")
    @APIResponse(responseCode = "201", description = "The goal, defined", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GoalView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Idempotent
    @RolesAllowed({ DEPT_USER, DEPT_LEAD })
    public Response define(@NotNull @Valid GoalRequest request) {
        GoalView goal = goals.define(request);
        return Response.created(URI.create("/api/goals?department=" + goal.departmentCode() + "&year=" + goal.fiscalYear()))
                .entity(goal).build();
    }

    @Operation(operationId = "listGoals", summary = "List the goals of a department-year")
    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<GoalView> list(@QueryParam("department") @NotNull String department,
            @QueryParam("year") @NotNull @FiscalYear Integer year) {
        return goals.list(department, year);
    }
}
