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

import io.jixiao.indicator.scoring.ScoringPolicy;
import io.jixiao.indicator.service.ScoringPolicies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** Scoring policies as data: read by all, added (never changed) by admins. */
@Path("/api/scoring-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "scoring-policies")
public class ScoringPolicyResource {

    @Inject
    ScoringPolicies policies;

    @Operation(operationId = "listScoringPolicies", summary = "List the scoring policies")
    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<ScoringPolicy> list() {
        return policies.all();
    }

    @Operation(operationId = "getScoringPolicy", summary = "Get a scoring policy")
    @GET
    @Path("/{name}")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public ScoringPolicy get(@PathParam("name") String name) {
        return policies.named(name);
    }

    @Operation(operationId = "getScoringPolicyHistory", summary = "Who published a scoring policy, when")
    @GET
    @Path("/{name}/history")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<io.jixiao.common.history.ChangeHistory.Change> history(@PathParam("name") String name) {
        return policies.history(name);
    }

    @Operation(operationId = "publishScoringPolicy", summary = "Publish a scoring policy")
    @APIResponse(responseCode = "201", description = "The policy, published", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoringPolicy.class)))
    @POST
    @RolesAllowed(ADMIN)
    public Response create(@NotNull ScoringPolicy policy) {
        ScoringPolicy created = policies.create(policy);
        return Response.created(URI.create("/api/scoring-policies/" + created.name())).entity(created).build();
    }
}
