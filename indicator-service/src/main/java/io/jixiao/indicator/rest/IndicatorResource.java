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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.common.idempotency.IdempotentWrites;
import io.jixiao.common.idempotency.IdempotentWrites.Outcome;
import io.jixiao.indicator.mapping.ActualRequest;
import io.jixiao.indicator.mapping.IndicatorRequest;
import io.jixiao.indicator.mapping.IndicatorView;
import io.jixiao.indicator.mapping.OutputRecordRequest;
import io.jixiao.indicator.mapping.OutputRecordView;
import io.jixiao.indicator.service.IndicatorService;

/** The indicator tree (绩效指标), actual values and output records. */
@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicators")
public class IndicatorResource {

    @Inject
    IndicatorService indicators;

    @Inject
    IdempotentWrites idempotent;

    @POST
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, ADMIN })
    public Response define(@NotNull @Valid IndicatorRequest request, @HeaderParam(IdempotentWrites.HEADER) String key) {
        return idempotent.run(key, "POST /api/indicators", request, () -> {
            IndicatorView created = indicators.define(request);
            return Outcome.created(URI.create("/api/indicators/" + created.id()), created);
        });
    }

    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<IndicatorView> list(@QueryParam("department") @NotNull String department,
            @QueryParam("year") @NotNull Integer year, @QueryParam("project") UUID project) {
        return indicators.list(department, year, project);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public IndicatorView get(@PathParam("id") UUID id) {
        return indicators.get(id);
    }

    /** The actual value where it is typed, the qualitative tier and score, the deviation reason and remedy. */
    @POST
    @Path("/{id}/actual")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, ADMIN })
    public Response recordActual(@PathParam("id") UUID id, @NotNull @Valid ActualRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return idempotent.run(key, "POST /api/indicators/" + id + "/actual", request,
                () -> new Outcome(200, null, indicators.recordActual(id, request)));
    }

    @POST
    @Path("/{id}/output-records")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, ADMIN })
    public Response addOutputRecord(@PathParam("id") UUID id, @NotNull @Valid OutputRecordRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        String path = "/api/indicators/" + id + "/output-records";
        return idempotent.run(key, "POST " + path, request,
                () -> Outcome.created(URI.create(path), indicators.addOutputRecord(id, request)));
    }

    @GET
    @Path("/{id}/output-records")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<OutputRecordView> outputRecords(@PathParam("id") UUID id) {
        return indicators.outputRecords(id);
    }
}
