package io.jixiao.console.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


/** report-service's public API, called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "report-service")
@RegisterProvider(ServiceRefusals.class)
@RegisterProvider(UserToken.class)
@Path("/api")
public interface ReportClient {

    @GET
    @Path("/reports/{code}/{year}")
    JsonNode report(@PathParam("code") String code, @PathParam("year") int year);

    @GET
    @Path("/reports/{code}/{year}/status")
    JsonNode status(@PathParam("code") String code, @PathParam("year") int year);

    @PUT
    @Path("/reports/{code}/{year}/sections/{key}")
    JsonNode writeSection(@PathParam("code") String code, @PathParam("year") int year, @PathParam("key") String key,
            @HeaderParam("Idempotency-Key") String idempotencyKey, ObjectNode text);

    @POST
    @Path("/reports/{code}/{year}/submit")
    JsonNode submit(@PathParam("code") String code, @PathParam("year") int year, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("/reports/{code}/{year}/return")
    JsonNode returnForChanges(@PathParam("code") String code, @PathParam("year") int year, @HeaderParam("Idempotency-Key") String idempotencyKey,
            ObjectNode comment);

    @POST
    @Path("/reports/{code}/{year}/accept")
    JsonNode accept(@PathParam("code") String code, @PathParam("year") int year, @HeaderParam("Idempotency-Key") String idempotencyKey, ObjectNode comment);

    @POST
    @Path("/reports/{code}/{year}/publish")
    JsonNode publish(@PathParam("code") String code, @PathParam("year") int year, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("/reports/{code}/{year}/history")
    JsonNode history(@PathParam("code") String code, @PathParam("year") int year);

    @GET
    @Path("/reports/{code}/{year}/versions")
    JsonNode versions(@PathParam("code") String code, @PathParam("year") int year);

    @GET
    @Path("/reports/{code}/{year}/versions/{number}/report.json")
    JsonNode version(@PathParam("code") String code, @PathParam("year") int year, @PathParam("number") int number);

    @GET
    @Path("/reports/{code}/{year}/{file}")
    Response draftFile(@PathParam("code") String code, @PathParam("year") int year, @PathParam("file") String file);

    @GET
    @Path("/reports/{code}/{year}/published/{file}")
    Response publishedFile(@PathParam("code") String code, @PathParam("year") int year, @PathParam("file") String file);

    @GET
    @Path("/reports/sections")
    JsonNode sections();

    @GET
    @Path("/reports")
    JsonNode reports(@QueryParam("year") int year, @QueryParam("status") List<String> statuses);

    @GET
    @Path("/monitoring/years/{year}")
    JsonNode city(@PathParam("year") int year, @QueryParam("month") int month);

    @GET
    @Path("/monitoring/years/{year}/departments/{code}")
    JsonNode department(@PathParam("year") int year, @PathParam("code") String code, @QueryParam("month") int month);

    @POST
    @Path("/admin/read-model/rebuild")
    JsonNode rebuildReadModel(@HeaderParam("Idempotency-Key") String idempotencyKey);
}
