package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.jixiao.infra.AccessMatrix;
import io.quarkus.test.junit.QuarkusTest;

/** Every endpoint × every principal (DESIGN §9), from the service's own OpenAPI document. */
@QuarkusTest
class AccessMatrixTest {

    private static final Set<String> ALL = Set.of(DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN);
    /** The portal's writes: nobody else's, not even an admin's (DESIGN §9: the admin moves no money). */
    private static final Set<String> PORTAL = Set.of(PORTAL_CLIENT);

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("GET /api/departments", ALL),
            Map.entry("POST /api/departments", PORTAL),
            Map.entry("GET /api/departments/{code}", ALL),
            Map.entry("GET /api/departments/{code}/years/{year}/declared-figures", ALL),
            Map.entry("POST /api/departments/{code}/years/{year}/declared-figures", PORTAL),
            Map.entry("GET /api/departments/{code}/years/{year}/declared-figures/history", ALL),
            Map.entry("GET /api/departments/{code}/years/{year}/summary", ALL),
            Map.entry("GET /api/projects", ALL),
            Map.entry("POST /api/projects", PORTAL),
            Map.entry("GET /api/projects/{projectId}", ALL),
            Map.entry("POST /api/projects/{projectId}/funding-lines", PORTAL),
            Map.entry("GET /api/projects/{projectId}/budget-adjustments", ALL),
            Map.entry("POST /api/projects/{projectId}/budget-adjustments", PORTAL),
            Map.entry("POST /api/projects/{projectId}/arrivals", PORTAL),
            Map.entry("POST /api/projects/{projectId}/disbursements", Set.of(DEPT_USER, DEPT_LEAD)),
            Map.entry("POST /api/projects/{projectId}/reversals", Set.of(DEPT_USER, DEPT_LEAD, PORTAL_CLIENT)),
            Map.entry("GET /api/projects/{projectId}/ledger", ALL),
            Map.entry("GET /api/projects/{projectId}/balance", ALL),
            Map.entry("GET /api/admin/events/held", Set.of(ADMIN)),
            Map.entry("POST /api/admin/events/held/{id}/replay", Set.of(ADMIN)),
            // the test's own endpoint without a role (UnannotatedEndpointTest): nobody's
            Map.entry("GET /api/forgotten", Set.of()));

    @Test
    void everyEndpointForEveryPrincipal() {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        arrive(project, "1000.00").statusCode(201);
        AccessMatrix matrix = new AccessMatrix(baseUrl(), dept, ALLOWED, Map.of("projectId", project, "year", "2023", "id", java.util.UUID.randomUUID().toString()));
        int cells = matrix.check(newDepartment());
        assertEquals(ALLOWED.size() * 8, cells);
        System.out.printf("budget-service access matrix: %d endpoints × 8 principals = %d cells%n", ALLOWED.size(), cells);
        matrix.checkInvalidTokens("/api/projects/{projectId}");
    }

    static String baseUrl() {
        return ConfigProvider.getConfig().getValue("test.url", String.class);
    }
}
