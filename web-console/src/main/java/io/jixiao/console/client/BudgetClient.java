package io.jixiao.console.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/** budget-service's public API, called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "budget-service")
@RegisterProvider(ServiceRefusals.class)
@RegisterProvider(UserToken.class)
@Path("/api")
public interface BudgetClient {

    @GET
    @Path("/departments/{code}")
    JsonNode department(@PathParam("code") String code);

    @GET
    @Path("/projects/{id}")
    JsonNode project(@PathParam("id") UUID id);

    @GET
    @Path("/projects/{id}/ledger")
    JsonNode ledger(@PathParam("id") UUID id, @QueryParam("after") String after, @QueryParam("limit") int limit);

    @POST
    @Path("/projects/{id}/disbursements")
    JsonNode recordDisbursement(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            ObjectNode disbursement);

    @POST
    @Path("/projects/{id}/reversals")
    JsonNode reverse(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey, ObjectNode reversal);
}
