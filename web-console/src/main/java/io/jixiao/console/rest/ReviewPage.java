package io.jixiao.console.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.console.Viewer;
import io.jixiao.console.client.IndicatorClient;
import io.jixiao.console.client.ReportClient;
import io.jixiao.console.config.ConsoleConfig;
import io.jixiao.console.mapping.FormFailure;
import io.jixiao.console.mapping.FormKeys;
import io.jixiao.console.mapping.VersionComparison;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The finance reviewers' work: the queue of submitted reports, and a report's review (its last two versions side
 * by side, return with a comment, accept, publish, the scoring template it is scored by).
 */
@Path("/review")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({ Viewer.FINANCE_REVIEWER, Viewer.ADMIN })
public class ReviewPage {

    private static final List<String> WAITING = List.of("SUBMITTED");

    @Inject
    @RestClient
    ReportClient reports;

    @Inject
    @RestClient
    IndicatorClient indicators;

    @Inject
    ConsoleConfig config;

    @Inject
    @Location("review-queue.html")
    Template queue;

    @Inject
    @Location("review.html")
    Template review;

    @GET
    public TemplateInstance queue(@QueryParam("year") Integer year) {
        int y = year == null ? config.fiscalYear() : year;
        return queue.data("year", y).data("waiting", reports.reports(y, WAITING)).data("all", reports.reports(y, List.of()));
    }

    @GET
    @Path("/{code}/{year}")
    public TemplateInstance review(@PathParam("code") String code, @PathParam("year") int year, @QueryParam("done") String done) {
        return page(code, year, done, FormFailure.NONE);
    }

    private TemplateInstance page(String code, int year, String done, FormFailure failure) {
        JsonNode versions = reports.versions(code, year);
        Integer latestNumber = versions.isEmpty() ? null : versions.get(versions.size() - 1).path("number").asInt();
        Integer previousNumber = versions.size() < 2 ? null : versions.get(versions.size() - 2).path("number").asInt();
        JsonNode latest = latestNumber == null ? null : reports.version(code, year, latestNumber);
        JsonNode previous = previousNumber == null ? null : reports.version(code, year, previousNumber);
        return review.data("code", code).data("year", year).data("status", reports.status(code, year))
                .data("versions", versions).data("comparison", VersionComparison.of(previousNumber, previous, latestNumber, latest))
                .data("history", reports.history(code, year)).data("policies", indicators.scoringPolicies())
                .data("assignments", indicators.policyAssignments(code, year)).data("done", done).data("failure", failure);
    }

    @POST
    @Path("/{code}/{year}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returnForChanges(@PathParam("code") String code, @PathParam("year") int year, MultivaluedMap<String, String> form) {
        return act(code, year, "return", form, () -> reports.returnForChanges(code, year, FormKeys.of(form), comment(form)));
    }

    @POST
    @Path("/{code}/{year}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("code") String code, @PathParam("year") int year, MultivaluedMap<String, String> form) {
        return act(code, year, "accept", form, () -> reports.accept(code, year, FormKeys.of(form), comment(form)));
    }

    @POST
    @Path("/{code}/{year}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("code") String code, @PathParam("year") int year, MultivaluedMap<String, String> form) {
        return act(code, year, "publish", form, () -> reports.publish(code, year, FormKeys.of(form)));
    }

    @POST
    @Path("/{code}/{year}/scoring-policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignPolicy(@PathParam("code") String code, @PathParam("year") int year, MultivaluedMap<String, String> form) {
        return act(code, year, "policy", form, () -> indicators.assignPolicy(code, year, FormKeys.of(form), ProjectPage.body(form, "policy", "reason")));
    }

    private static ObjectNode comment(MultivaluedMap<String, String> form) {
        String comment = form.getFirst("comment");
        return JsonNodeFactory.instance.objectNode().put("comment", comment == null ? "" : comment);
    }

    private Response act(String code, int year, String formName, MultivaluedMap<String, String> form, Runnable call) {
        return FormPosts.post(call, "/review/" + code + "/" + year, formName,
                refusal -> page(code, year, null, FormFailure.of(formName, refusal, form)));
    }
}
