package io.jixiao.console.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.console.Viewer;
import io.jixiao.console.client.ReportClient;
import io.jixiao.console.config.ConsoleConfig;
import io.jixiao.console.mapping.Months;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The city dashboard (双监控, DESIGN §6.4): every department's execution rate against 序时进度 and its colour,
 * as a chart and a table, red first; each department drills down to its year, and its report's files once
 * published.
 */
@Path("/city")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({ Viewer.FINANCE_REVIEWER, Viewer.ADMIN })
public class CityPage {

    @Inject
    @RestClient
    ReportClient reports;

    @Inject
    ConsoleConfig config;

    @Inject
    @Location("city.html")
    Template page;

    @GET
    public TemplateInstance show(@QueryParam("year") Integer year) {
        int y = year == null ? config.fiscalYear() : year;
        JsonNode city = reports.city(y, Months.monitoringMonth(y));
        Map<String, String> statusByDepartment = new HashMap<>();
        for (JsonNode r : reports.reports(y, List.of())) {
            statusByDepartment.put(r.path("departmentCode").asText(), r.path("status").asText());
        }
        return page.data("year", y).data("city", city).data("statuses", statusByDepartment)
                .data("chart", ChartData.json(chart(city)));
    }

    /** The chart's data as ECharts reads it: departments, their execution rates and their colours, and 序时进度. */
    private static Map<String, Object> chart(JsonNode city) {
        List<String> names = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (JsonNode d : city.path("departments")) {
            names.add(d.path("departmentName").asText(d.path("departmentCode").asText()));
            rates.add(d.path("executionRate").asText("0"));
            colours.add(d.path("spendingColour").asText("NONE"));
        }
        return Map.of("names", names, "rates", rates, "colours", colours, "timeProgress", city.path("timeProgress").asText());
    }
}
