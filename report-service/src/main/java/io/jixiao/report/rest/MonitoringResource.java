package io.jixiao.report.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.report.mapping.CityMonitoringView;
import io.jixiao.report.service.MonitoringService;
import io.jixiao.common.time.FiscalYear;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** In-year monitoring for finance reviewers: one department, or the whole city. */
@Path("/api/monitoring/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "monitoring")
public class MonitoringResource {

    @Inject
    MonitoringService monitoring;

    @Operation(operationId = "getCityMonitoring", summary = "In-year monitoring (双监控) of every department, red first")
    @GET
    @RolesAllowed({ FINANCE_REVIEWER, ADMIN })
    public CityMonitoringView city(@PathParam("year") @FiscalYear int year,
            @QueryParam("month") @NotNull @Min(1) @Max(12) Integer month) {
        return monitoring.city(year, month);
    }

    @Operation(operationId = "getDepartmentMonitoring", summary = "In-year monitoring (双监控) of one department, red first")
    @GET
    @Path("/departments/{code}")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public CityMonitoringView department(@PathParam("year") @FiscalYear int year, @PathParam("code") String code,
            @QueryParam("month") @NotNull @Min(1) @Max(12) Integer month) {
        return monitoring.department(code, year, month);
    }
}
