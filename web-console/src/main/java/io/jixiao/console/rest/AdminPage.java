package io.jixiao.console.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.console.Viewer;
import io.jixiao.console.client.IndicatorClient;
import io.jixiao.console.client.ReportClient;
import io.jixiao.console.client.ServiceRefusal;
import io.jixiao.console.mapping.FormFailure;
import io.jixiao.console.mapping.FormKeys;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Operators' page: the scoring templates (list, add one), and the report read model's rebuild. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed(Viewer.ADMIN)
public class AdminPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @RestClient
    IndicatorClient indicators;

    @Inject
    @RestClient
    ReportClient reports;

    @Inject
    @Location("admin.html")
    Template page;

    @Inject
    @Location("admin-rebuild.html")
    Template rebuilt;

    @GET
    public TemplateInstance show(@QueryParam("done") String done) {
        return page.data("policies", indicators.scoringPolicies()).data("done", done).data("failure", FormFailure.NONE);
    }

    /** A new scoring template, as the JSON indicator-service takes (its groups, labels, points and rules). */
    @POST
    @Path("/scoring-policies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPolicy(MultivaluedMap<String, String> form) {
        return FormPosts.post(() -> indicators.createScoringPolicy(FormKeys.of(form), policy(form.getFirst("policy"))), "/admin",
                "policy", refusal -> page.data("policies", indicators.scoringPolicies()).data("done", null)
                        .data("failure", FormFailure.of("policy", refusal, form)));
    }

    /** The typed template as a JSON object, or a refusal naming the field, as a service would refuse it. */
    private static JsonNode policy(String typed) {
        JsonNode policy;
        try {
            policy = JSON.readTree(typed == null ? "" : typed);
        } catch (JsonProcessingException e) {
            throw new ServiceRefusal(400, "不是有效的 JSON", "不是有效的 JSON：" + e.getOriginalMessage(),
                    Map.of("policy", "不是有效的 JSON：第 " + e.getLocation().getLineNr() + " 行"));
        }
        if (policy == null || !policy.isObject()) {
            throw new ServiceRefusal(400, "不是 JSON 对象", "评分模板须是一个 JSON 对象", Map.of("policy", "须是一个 JSON 对象"));
        }
        return policy;
    }

    /** Rebuilds report-service's read model from the topics (htmx: the page shows progress until it answers). */
    @POST
    @Path("/rebuild")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance rebuild(MultivaluedMap<String, String> form) {
        long started = System.nanoTime();
        JsonNode result = reports.rebuildReadModel(FormKeys.of(form));
        return rebuilt.data("result", JSON.convertValue(result, Map.class)).data("seconds", String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }
}
