package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.jixiao.infra.MalformedInput;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * DESIGN §12 "bad input": generated malformed requests against every write endpoint. Every answer is a 4xx
 * problem of a few lines, none a 5xx, and nothing of the ledger, the projects or the outbox changes.
 */
@QuarkusTest
class MalformedInputTest {

    private static final String[] TABLES = { "department", "project", "funding_line", "budget_adjustment",
            "ledger_entry", "declared_figures", "voucher_number", "outbox_event", "idempotency_record" };

    @Inject
    AgroalDataSource db;

    @Test
    void noMalformedRequestGetsA5xxOrChangesAnything() throws SQLException {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        arrive(project, "1000.00").statusCode(201);
        Map<String, Long> before = MalformedInput.rowCounts(db, TABLES);

        MalformedInput input = new MalformedInput(AccessMatrixTest.baseUrl(),
                Map.of("code", dept, "year", "2023", "projectId", project, "id", java.util.UUID.randomUUID().toString()),
                operation -> operation.contains("/admin/") ? TestTokens.admin()
                        : operation.endsWith("/disbursements") ? TestTokens.deptUser(dept) : TestTokens.portal());
        int sent = input.check();
        System.out.printf("budget-service: %d malformed requests, each refused with a 4xx problem%n", sent);

        assertEquals(before, MalformedInput.rowCounts(db, TABLES), "rows per table before and after the malformed requests");
    }
}
