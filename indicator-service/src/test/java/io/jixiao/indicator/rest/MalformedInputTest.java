package io.jixiao.indicator.rest;

import static io.jixiao.indicator.Api.awaitProjectKnown;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.infra.MalformedInput;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** DESIGN §12 "bad input" against every write endpoint of indicator-service: 4xx problems only, nothing changed. */
@QuarkusTest
class MalformedInputTest {

    private static final String[] TABLES = { "goal", "indicator", "output_record", "score_result", "scoring_policy",
            "scoring_policy_assignment", "outbox_event", "idempotency_record" };

    @Inject
    AgroalDataSource db;

    @Test
    void noMalformedRequestGetsA5xxOrChangesAnything() throws SQLException {
        String dept = newDepartmentCode();
        UUID project;
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            project = feed.registerProject(dept, "节能监察工作经费", Map.of("本年预算", "100000.00")).id();
        }
        awaitProjectKnown(dept, project);
        String indicator = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"OUTPUT","level2":"QUANTITY",
                 "name":"节能监察企业数","direction":"GE","target":"30","unit":"家","weight":"10",
                 "actualSource":"OUTPUT_RECORDS"}""".formatted(dept, project));
        Map<String, Long> before = MalformedInput.rowCounts(db, TABLES);

        MalformedInput input = new MalformedInput(ConfigProvider.getConfig().getValue("test.url", String.class),
                Map.of("code", dept, "year", "2023", "id", indicator), operation -> operation.contains("/admin/") ? TestTokens.admin() : operation.contains("scoring-polic")
                        ? (operation.startsWith("PUT") ? TestTokens.reviewer() : TestTokens.admin())
                        : TestTokens.deptLead(dept));
        int sent = input.check();
        System.out.printf("indicator-service: %d malformed requests, each refused with a 4xx problem%n", sent);

        assertEquals(before, MalformedInput.rowCounts(db, TABLES), "rows per table before and after the malformed requests");
    }
}
