package io.jixiao.budget.rest;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.budget.mapping.DeclaredFiguresRequest;
import io.jixiao.budget.mapping.DeclaredFiguresView;
import io.jixiao.budget.mapping.DepartmentRequest;
import io.jixiao.budget.mapping.DepartmentView;
import io.jixiao.budget.mapping.DepartmentYearSummary;
import io.jixiao.budget.service.DepartmentService;
import io.jixiao.budget.service.DepartmentYearService;
import io.jixiao.common.idempotency.Idempotent;
import io.jixiao.common.time.FiscalYear;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.jixiao.common.openapi.ApiContract;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** Departments, and per department-year the declared figures and the ledger's summary. */
@Path("/api/departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "departments")
public class DepartmentResource {

    @Inject
    DepartmentService departments;

    @Inject
    DepartmentYearService years;

    @Operation(operationId = "registerDepartment", summary = "Register a department (预算单位)")
    @APIResponse(responseCode = "201", description = "The department, registered", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DepartmentView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response register(@NotNull @Valid DepartmentRequest request) {
        DepartmentView created = departments.register(request);
        return Response.created(URI.create("/api/departments/" + created.code())).entity(created).build();
    }

    @Operation(operationId = "listDepartments", summary = "List the departments the caller may see")
    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<DepartmentView> list() {
        return departments.list();
    }

    @Operation(operationId = "getDepartment", summary = "Get a department")
    @GET
    @Path("/{code}")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public DepartmentView get(@PathParam("code") String code) {
        return departments.get(code);
    }

    @Operation(operationId = "declareFigures", summary = "Record the figures a department-year's document states")
    @APIResponse(responseCode = "201", description = "The declared figures, recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeclaredFiguresView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Path("/{code}/years/{year}/declared-figures")
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response declare(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @NotNull @Valid DeclaredFiguresRequest request) {
        return Response.created(URI.create("/api/departments/" + code + "/years/" + year + "/declared-figures"))
                .entity(years.declare(code, year, request)).build();
    }

    @Operation(operationId = "getDeclaredFigures", summary = "Get the declared figures of a department-year")
    @GET
    @Path("/{code}/years/{year}/declared-figures")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public DeclaredFiguresView declared(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return years.declared(code, year);
    }

    @Operation(operationId = "getDeclaredFiguresHistory", summary = "Who changed the declared figures, when, before and after")
    @GET
    @Path("/{code}/years/{year}/declared-figures/history")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<io.jixiao.common.history.ChangeHistory.Change> declaredHistory(@PathParam("code") String code,
            @PathParam("year") @FiscalYear int year) {
        return years.declaredHistory(code, year);
    }

    @Operation(operationId = "getDepartmentYearSummary", summary = "Budget, arrived and spent of a department-year, by category")
    @GET
    @Path("/{code}/years/{year}/summary")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public DepartmentYearSummary summary(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return years.summary(code, year);
    }
}
