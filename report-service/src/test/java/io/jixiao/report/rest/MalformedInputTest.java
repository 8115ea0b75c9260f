package io.jixiao.report.rest;

import static io.jixiao.report.Api.newDepartmentCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.jixiao.infra.MalformedInput;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** DESIGN §12 "bad input" against every write endpoint of report-service: 4xx problems only, nothing changed. */
@QuarkusTest
class MalformedInputTest {

    private static final String[] TABLES = { "narrative_section", "report", "report_transition", "report_version",
            "outbox_event" };

    @Inject
    AgroalDataSource db;

    @Test
    void noMalformedRequestGetsA5xxOrChangesAnything() throws SQLException {
        String dept = newDepartmentCode();
        Map<String, Long> before = MalformedInput.rowCounts(db, TABLES);
        MalformedInput input = new MalformedInput(ConfigProvider.getConfig().getValue("test.url", String.class),
                Map.of("code", dept, "year", "2023", "key", "problems", "id", java.util.UUID.randomUUID().toString()), operation -> operation.contains("/admin/")
                        ? TestTokens.admin()
                        : operation.matches(".*/(return|accept|publish)$") ? TestTokens.reviewer() : TestTokens.deptLead(dept));
        int sent = input.check();
        System.out.printf("report-service: %d malformed requests, each refused with a 4xx problem%n", sent);
        assertEquals(before, MalformedInput.rowCounts(db, TABLES), "rows per table before and after the malformed requests");
    }
}
