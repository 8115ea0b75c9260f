package io.jixiao.console.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

import io.jixiao.console.client.BudgetClient;
import io.jixiao.console.client.IndicatorClient;
import io.jixiao.console.config.ConsoleConfig;
import io.jixiao.console.mapping.FormFailure;
import io.jixiao.console.mapping.FormKeys;
import io.jixiao.console.mapping.IndicatorWithRecords;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A project's page: funding lines and balances, the paged ledger, its indicators with their output records; and
 * the forms that write to them (a disbursement, a reversal, an actual value, an output record).
 */
@Path("/projects/{id}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Authenticated
public class ProjectPage {

    @Inject
    @RestClient
    BudgetClient budget;

    @Inject
    @RestClient
    IndicatorClient indicators;

    @Inject
    ConsoleConfig config;

    @Inject
    @Location("project.html")
    Template page;

    @GET
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("after") String after, @QueryParam("done") String done,
            @QueryParam("reverse") UUID reverse) {
        return page(id, after, done, reverse, FormFailure.NONE);
    }

    /** {@code reverse}: the ledger entry the reversal form opens with, from its row's 冲销 link. */
    private TemplateInstance page(UUID id, String after, String done, UUID reverse, FormFailure failure) {
        JsonNode project = budget.project(id);
        List<IndicatorWithRecords> lines = new ArrayList<>();
        for (JsonNode i : indicators.indicators(project.path("departmentCode").asText(), project.path("fiscalYear").asInt(), id)) {
            lines.add(new IndicatorWithRecords(i, indicators.outputRecords(UUID.fromString(i.path("id").asText()))));
        }
        return page.data("project", project).data("ledger", budget.ledger(id, after, config.ledgerPageSize()))
                .data("indicators", lines).data("after", after).data("done", done).data("failure", failure)
                .data("reverse", reverse);
    }

    @POST
    @Path("/disbursements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordDisbursement(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return write(id, "disbursement", form, () -> budget.recordDisbursement(id, FormKeys.of(form),
                body(form, "fundingLineId", "amount", "spentOn", "payee", "purpose", "voucherNumber")));
    }

    @POST
    @Path("/reversals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reverse(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return write(id, "reversal", form, () -> budget.reverse(id, FormKeys.of(form),
                body(form, "entryId", "reason", "reversedOn")));
    }

    @POST
    @Path("/indicators/{indicator}/actual")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordActual(@PathParam("id") UUID id, @PathParam("indicator") UUID indicator,
            MultivaluedMap<String, String> form) {
        return write(id, "actual-" + indicator, form, () -> indicators.recordActual(indicator, FormKeys.of(form),
                body(form, "actual", "actualText", "deviationReason", "remedy")));
    }

    @POST
    @Path("/indicators/{indicator}/output-records")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addOutputRecord(@PathParam("id") UUID id, @PathParam("indicator") UUID indicator,
            MultivaluedMap<String, String> form) {
        return write(id, "output-" + indicator, form, () -> indicators.addOutputRecord(indicator, FormKeys.of(form),
                body(form, "recordedOn", "quantity", "numerator", "denominator", "note")));
    }

    private Response write(UUID id, String formName, MultivaluedMap<String, String> form, Runnable call) {
        // the notice names the kind of form: "actual-<indicator>" reads as "actual"
        return FormPosts.post(call, "/projects/" + id, formName.replaceFirst("-.*", ""),
                refusal -> page(id, null, null, null, FormFailure.of(formName, refusal, form)));
    }

    /**
     * The form's fields as the API's JSON body, as typed: the service checks every value and names the field it
     * refuses. An empty field is left out (the API reads it as not given).
     */
    static ObjectNode body(MultivaluedMap<String, String> form, String... fields) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                body.put(field, value.strip());
            }
        }
        return body;
    }
}
