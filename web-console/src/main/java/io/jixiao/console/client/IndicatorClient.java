package io.jixiao.console.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/** indicator-service's public API, called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "indicator-service")
@RegisterProvider(ServiceRefusals.class)
@RegisterProvider(UserToken.class)
@Path("/api")
public interface IndicatorClient {

    @GET
    @Path("/indicators")
    JsonNode indicators(@QueryParam("department") String department, @QueryParam("year") int year,
            @QueryParam("project") UUID project);

    @POST
    @Path("/indicators/{id}/actual")
    JsonNode recordActual(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey, ObjectNode actual);

    @GET
    @Path("/indicators/{id}/output-records")
    JsonNode outputRecords(@PathParam("id") UUID id);

    @POST
    @Path("/indicators/{id}/output-records")
    JsonNode addOutputRecord(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey, ObjectNode record);

    @POST
    @Path("/departments/{code}/years/{year}/score")
    JsonNode score(@PathParam("code") String code, @PathParam("year") int year, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("/departments/{code}/years/{year}/score")
    JsonNode latestScore(@PathParam("code") String code, @PathParam("year") int year);

    @GET
    @Path("/scoring-policies")
    JsonNode scoringPolicies();

    @POST
    @Path("/scoring-policies")
    JsonNode createScoringPolicy(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode policy);

    @GET
    @Path("/departments/{code}/years/{year}/scoring-policy")
    JsonNode policyAssignments(@PathParam("code") String code, @PathParam("year") int year);

    @PUT
    @Path("/departments/{code}/years/{year}/scoring-policy")
    JsonNode assignPolicy(@PathParam("code") String code, @PathParam("year") int year, @HeaderParam("Idempotency-Key") String idempotencyKey,
            ObjectNode assignment);
}
