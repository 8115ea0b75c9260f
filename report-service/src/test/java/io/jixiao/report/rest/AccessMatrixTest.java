package io.jixiao.report.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;
import static io.jixiao.report.Api.newDepartmentCode;
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

    private static final Set<String> READERS = Set.of(DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN);
    /** Reviewing is a finance reviewer's alone: not an admin's (DESIGN §9). */
    private static final Set<String> REVIEW = Set.of(FINANCE_REVIEWER);

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("GET /api/reports", Set.of(FINANCE_REVIEWER, ADMIN)),
            Map.entry("GET /api/reports/sections", READERS),
            Map.entry("GET /api/reports/{code}/{year}", READERS),
            Map.entry("GET /api/reports/{code}/{year}/{file}", READERS),
            Map.entry("PUT /api/reports/{code}/{year}/sections/{key}", Set.of(DEPT_USER, DEPT_LEAD)),
            Map.entry("GET /api/reports/{code}/{year}/status", READERS),
            Map.entry("GET /api/reports/{code}/{year}/sections/{key}/history", READERS),
            Map.entry("POST /api/reports/{code}/{year}/submit", Set.of(DEPT_LEAD)),
            Map.entry("POST /api/reports/{code}/{year}/return", REVIEW),
            Map.entry("POST /api/reports/{code}/{year}/accept", REVIEW),
            Map.entry("POST /api/reports/{code}/{year}/publish", REVIEW),
            Map.entry("POST /api/reports/{code}/{year}/reopen", REVIEW),
            Map.entry("GET /api/reports/{code}/{year}/history", READERS),
            Map.entry("GET /api/reports/{code}/{year}/versions", Set.of(DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN)),
            Map.entry("GET /api/reports/{code}/{year}/versions/{number}/{file}",
                    Set.of(DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN)),
            Map.entry("GET /api/reports/{code}/{year}/published/{file}", Set.of(PORTAL_CLIENT, FINANCE_REVIEWER, ADMIN)),
            Map.entry("GET /api/monitoring/years/{year}", Set.of(FINANCE_REVIEWER, ADMIN)),
            Map.entry("GET /api/monitoring/years/{year}/departments/{code}", READERS),
            Map.entry("POST /api/admin/read-model/rebuild", Set.of(ADMIN)),
            Map.entry("GET /api/admin/events/held", Set.of(ADMIN)),
            Map.entry("POST /api/admin/events/held/{id}/replay", Set.of(ADMIN)));

    @Test
    void everyEndpointForEveryPrincipal() {
        String dept = newDepartmentCode();
        AccessMatrix matrix = new AccessMatrix(ConfigProvider.getConfig().getValue("test.url", String.class), dept, ALLOWED,
                Map.of("year", "2023", "file", "report.json", "key", "problems", "number", "1", "id", java.util.UUID.randomUUID().toString()));
        int cells = matrix.check(newDepartmentCode());
        assertEquals(ALLOWED.size() * 8, cells);
        System.out.printf("report-service access matrix: %d endpoints × 8 principals = %d cells%n", ALLOWED.size(), cells);
        matrix.checkInvalidTokens("/api/reports/{code}/{year}");
    }
}
