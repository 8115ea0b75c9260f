package io.jixiao.console.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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

import io.jixiao.console.client.IndicatorClient;
import io.jixiao.console.client.ReportClient;
import io.jixiao.console.client.ServiceRefusal;
import io.jixiao.console.mapping.FormFailure;
import io.jixiao.console.mapping.FormKeys;
import io.jixiao.console.mapping.Months;
import io.jixiao.console.mapping.NarrativeSection;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** A department's year: its home (figures, projects by colour, score) and its self-evaluation report. */
@Path("/departments/{code}/{year}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Authenticated
public class DepartmentPage {

    @Inject
    @RestClient
    ReportClient reports;

    @Inject
    @RestClient
    IndicatorClient indicators;

    @Inject
    @Location("department.html")
    Template home;

    @Inject
    @Location("report.html")
    Template report;

    @Inject
    @Location("report-findings.html")
    Template findings;

    @GET
    public TemplateInstance home(@PathParam("code") String code, @PathParam("year") int year,
            @QueryParam("done") String done) {
        return homePage(code, year, done, FormFailure.NONE);
    }

    private TemplateInstance homePage(String code, int year, String done, FormFailure failure) {
        int month = Months.monitoringMonth(year);
        return home.data("code", code).data("year", year).data("report", reports.report(code, year))
                .data("score", latestScore(code, year)).data("monitoring", reports.department(year, code, month))
                .data("status", reports.status(code, year)).data("done", done).data("failure", failure);
    }

    /** The year's score as indicator-service last computed it (the report shows it once the event arrives); null before the first. */
    private JsonNode latestScore(String code, int year) {
        try {
            return indicators.latestScore(code, year);
        } catch (ServiceRefusal refusal) {
            if (refusal.notFound()) {
                return null;
            }
            throw refusal;
        }
    }

    @GET
    @Path("/report")
    public TemplateInstance report(@PathParam("code") String code, @PathParam("year") int year,
            @QueryParam("done") String done) {
        return reportPage(code, year, done, FormFailure.NONE);
    }

    private TemplateInstance reportPage(String code, int year, String done, FormFailure failure) {
        JsonNode draft = reports.report(code, year);
        return report.data("code", code).data("year", year).data("report", draft)
                .data("sections", NarrativeSection.of(reports.sections(), draft.path("narrative")))
                .data("status", reports.status(code, year)).data("history", reports.history(code, year))
                .data("done", done).data("failure", failure);
    }

    /** Saves one narrative section (htmx) and answers with its save state and the findings as they now stand. */
    @POST
    @Path("/report/sections/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance writeSection(@PathParam("code") String code, @PathParam("year") int year,
            @PathParam("key") String key, @FormParam("text") String text) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("text", text == null ? "" : text);
        String error = null;
        try {
            // each save is a write of its own: the text saved last stands
            reports.writeSection(code, year, key, UUID.randomUUID().toString(), body);
        } catch (ServiceRefusal refusal) {
            if (refusal.serviceFault()) {
                throw refusal;
            }
            error = refusal.fieldMessages().getOrDefault("text", refusal.getMessage());
        }
        return findings.data("key", key).data("error", error).data("report", reports.report(code, year));
    }

    /** The department lead submits: the service refuses while a blocking finding stands. */
    @POST
    @Path("/report/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("code") String code, @PathParam("year") int year, MultivaluedMap<String, String> form) {
        return FormPosts.post(() -> reports.submit(code, year, FormKeys.of(form)), "/departments/" + code + "/" + year + "/report",
                "submitted", refusal -> reportPage(code, year, null, FormFailure.of("submit", refusal, form)));
    }

    /** Scores the year now (indicator-service) so the report shows the latest figures. */
    @POST
    @Path("/score")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response score(@PathParam("code") String code, @PathParam("year") int year, MultivaluedMap<String, String> form) {
        return FormPosts.post(() -> indicators.score(code, year, FormKeys.of(form)), "/departments/" + code + "/" + year,
                "scored", refusal -> homePage(code, year, null, FormFailure.of("score", refusal, form)));
    }
}
