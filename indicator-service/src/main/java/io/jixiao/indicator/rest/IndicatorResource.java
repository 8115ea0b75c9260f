package io.jixiao.indicator.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.common.history.ChangeHistory;
import io.jixiao.common.idempotency.Idempotent;
import io.jixiao.common.time.FiscalYear;
import io.jixiao.indicator.mapping.ActualRequest;
import io.jixiao.indicator.mapping.IndicatorRequest;
import io.jixiao.indicator.mapping.IndicatorView;
import io.jixiao.indicator.mapping.OutputRecordRequest;
import io.jixiao.indicator.mapping.OutputRecordView;
import io.jixiao.indicator.service.IndicatorService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.jixiao.common.openapi.ApiContract;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** The indicator tree (绩效指标), actual values and output records. */
@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "indicators")
public class IndicatorResource {

    @Inject
    IndicatorService indicators;


    @Operation(operationId = "defineIndicator", summary = "Define an indicator (绩效指标) with its target and weight")
    @APIResponse(responseCode = "201", description = "The indicator, defined", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Idempotent
    @RolesAllowed({ DEPT_USER, DEPT_LEAD })
    public Response define(@NotNull @Valid IndicatorRequest request) {
        IndicatorView created = indicators.define(request);
        return Response.created(URI.create("/api/indicators/" + created.id())).entity(created).build();
    }

    @Operation(operationId = "listIndicators", summary = "List the indicators of a department-year")
    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<IndicatorView> list(@QueryParam("department") @NotNull String department,
            @QueryParam("year") @NotNull @FiscalYear Integer year, @QueryParam("project") UUID project) {
        return indicators.list(department, year, project);
    }

    @Operation(operationId = "getIndicator", summary = "Get an indicator")
    @GET
    @Path("/{id}")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public IndicatorView get(@PathParam("id") UUID id) {
        return indicators.get(id);
    }

    /** The actual value where it is typed, the qualitative tier and score, the deviation reason and remedy. */
    @Operation(operationId = "recordActual", summary = "Record an indicator's actual value (实际完成值) and any deviation reason")
    @APIResponse(responseCode = "200", description = "The indicator with its actual", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Path("/{id}/actual")
    @Idempotent
    @RolesAllowed({ DEPT_USER, DEPT_LEAD })
    public Response recordActual(@PathParam("id") UUID id, @NotNull @Valid ActualRequest request) {
        return Response.ok(indicators.recordActual(id, request)).build();
    }

    @Operation(operationId = "addOutputRecord", summary = "Add a dated output record to an indicator")
    @APIResponse(responseCode = "201", description = "The output record", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OutputRecordView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Path("/{id}/output-records")
    @Idempotent
    @RolesAllowed({ DEPT_USER, DEPT_LEAD })
    public Response addOutputRecord(@PathParam("id") UUID id, @NotNull @Valid OutputRecordRequest request) {
        return Response.created(URI.create("/api/indicators/" + id + "/output-records"))
                .entity(indicators.addOutputRecord(id, request)).build();
    }

    /** Who changed the indicator, when, from what to what: its definition, actual values and deviation reasons. */
    @Operation(operationId = "getIndicatorHistory", summary = "Who changed an indicator, when, before and after")
    @GET
    @Path("/{id}/history")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<ChangeHistory.Change> history(@PathParam("id") UUID id) {
        return indicators.history(id);
    }

    @Operation(operationId = "listOutputRecords", summary = "List an indicator's output records")
    @GET
    @Path("/{id}/output-records")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<OutputRecordView> outputRecords(@PathParam("id") UUID id) {
        return indicators.outputRecords(id);
    }
}
