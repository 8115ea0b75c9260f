package io.jixiao.indicator.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;
import static io.jixiao.indicator.Api.awaitProjectKnown;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.AccessMatrix;
import io.jixiao.infra.BudgetEventsFeed;
import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint × every principal (DESIGN §9), from the service's own OpenAPI document. */
@QuarkusTest
class AccessMatrixTest {

    private static final Set<String> ALL = Set.of(DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN);
    /** The department's own work: not an admin's (DESIGN §9). */
    private static final Set<String> DEPARTMENT = Set.of(DEPT_USER, DEPT_LEAD);

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("GET /api/goals", ALL),
            Map.entry("POST /api/goals", DEPARTMENT),
            Map.entry("GET /api/indicators", ALL),
            Map.entry("POST /api/indicators", DEPARTMENT),
            Map.entry("GET /api/indicators/{id}", ALL),
            Map.entry("POST /api/indicators/{id}/actual", DEPARTMENT),
            Map.entry("GET /api/indicators/{id}/output-records", ALL),
            Map.entry("GET /api/indicators/{id}/history", ALL),
            Map.entry("GET /api/scoring-policies/{name}/history", ALL),
            Map.entry("POST /api/indicators/{id}/output-records", DEPARTMENT),
            Map.entry("GET /api/departments/{code}/years/{year}/score", ALL),
            Map.entry("POST /api/departments/{code}/years/{year}/score", DEPARTMENT),
            Map.entry("GET /api/departments/{code}/years/{year}/scoring-policy", ALL),
            Map.entry("PUT /api/departments/{code}/years/{year}/scoring-policy", Set.of(FINANCE_REVIEWER)),
            Map.entry("GET /api/departments/{code}/years/{year}/ledger", ALL),
            Map.entry("GET /api/scoring-policies", ALL),
            Map.entry("POST /api/scoring-policies", Set.of(ADMIN)),
            Map.entry("GET /api/scoring-policies/{name}", ALL),
            Map.entry("GET /api/admin/events/held", Set.of(ADMIN)),
            Map.entry("POST /api/admin/events/held/{id}/replay", Set.of(ADMIN)));

    @Test
    void everyEndpointForEveryPrincipal() {
        String dept = newDepartmentCode();
        java.util.UUID project;
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            project = feed.registerProject(dept, "节能监察工作经费", Map.of("本年预算", "100000.00")).id();
        }
        awaitProjectKnown(dept, project);
        String indicator = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"OUTPUT","level2":"QUANTITY",
                 "name":"节能监察企业数","direction":"GE","target":"30","unit":"家","weight":"10",
                 "actualSource":"OUTPUT_RECORDS"}""".formatted(dept, project));
        AccessMatrix matrix = new AccessMatrix(ConfigProvider.getConfig().getValue("test.url", String.class), dept, ALLOWED,
                Map.of("id", indicator, "year", "2023", "name", "财预〔2020〕10号"));
        int cells = matrix.check(newDepartmentCode());
        assertEquals(ALLOWED.size() * 8, cells);
        System.out.printf("indicator-service access matrix: %d endpoints × 8 principals = %d cells%n", ALLOWED.size(), cells);
        matrix.checkInvalidTokens("/api/indicators/{id}");
    }
}
