package io.jixiao.indicator;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.awaitProjectKnown;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.infra.DatabaseRestart;
import io.jixiao.infra.Race;
import io.jixiao.infra.RetryAfterOutage;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A PostgreSQL restart (or failover) ends every connection in indicator-service's pool. Department staff
 * recording outputs right after it must not be the ones who find out, and the budget events that arrive
 * meanwhile must still be applied. Without the pool's check of idle connections, 5 of these 12 requests
 * failed with 500.
 */
@QuarkusTest
class DatabaseRestartTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void outputsAreRecordedAndEventsAppliedAfterADatabaseRestart() throws Exception {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed budget = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            String rate = rateFromOutputRecords(budget, dept, "数据库重启专项经费");
            DatabaseRestart.endPooledConnections(IndicatorTestResources.infrastructure(), dataSource);

            // at once, so that the requests take most of the pool's connections, not one reused in turn
            String staff = TestTokens.deptUser(dept);
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                requests.add(() -> as(staff).body("""
                        {"recordedOn":"2023-12-31","numerator":"1","denominator":"2"}""")
                        .post("/api/indicators/" + rate + "/output-records").then().extract().statusCode());
                requests.add(() -> as(staff).get("/api/indicators/" + rate).then().extract().statusCode());
            }
            assertEquals(List.of(201, 200, 201, 200, 201, 200, 201, 200, 201, 200, 201, 200), Race.run(requests));
            // each output recorded once
            as(staff).get("/api/indicators/" + rate).then().statusCode(200)
                    .body("numerator", equalTo("6")).body("denominator", equalTo("12"));

            // an event after the restart is applied
            UUID another = budget.registerProject(dept, "重启后登记的项目", Map.of("本年预算", "5000.00")).id();
            awaitProjectKnown(dept, another);
        }
    }

    /**
     * The connections in use when the database went down are dead too, and the pool hands them out
     * unchecked: the requests that meet one must be told to retry (503, Retry-After), not fail with a 500,
     * and their retries, with the same Idempotency-Key, must record each output once.
     */
    @Test
    void requestsThatMeetADeadConnectionAreAskedToRetry() throws Exception {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed budget = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            String rate = rateFromOutputRecords(budget, dept, "连接中断专项经费");
            String staff = TestTokens.deptUser(dept);
            List<Callable<RetryAfterOutage.Answer>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String key = "outage-" + UUID.randomUUID();
                requests.add(() -> answer(as(staff).header("Idempotency-Key", key).body("""
                        {"recordedOn":"2023-12-31","numerator":"1","denominator":"2"}""")
                        .post("/api/indicators/" + rate + "/output-records")));
                requests.add(() -> answer(as(staff).get("/api/indicators/" + rate)));
            }
            DatabaseRestart.endConnectionsJustUsed(IndicatorTestResources.infrastructure(), dataSource);

            RetryAfterOutage.RetryResult outcome = RetryAfterOutage.send(requests);
            assertTrue(outcome.askedToRetry() > 0, "no request met a dead connection: " + outcome);
            assertEquals(List.of(201, 200, 201, 200, 201, 200, 201, 200, 201, 200, 201, 200), outcome.finalStatuses());
            as(staff).get("/api/indicators/" + rate).then().statusCode(200)
                    .body("numerator", equalTo("6")).body("denominator", equalTo("12"));
        }
    }

    /** A project the budget feed registers, and its rate indicator whose actual comes from output records. */
    private static String rateFromOutputRecords(BudgetEventsFeed budget, String dept, String projectName) {
        UUID project = budget.registerProject(dept, projectName, Map.of("本年预算", "100000.00")).id();
        awaitProjectKnown(dept, project);
        return define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"OUTPUT","level2":"QUALITY",
                 "name":"问题办结率","direction":"GE","target":"90","unit":"%%","weight":"10",
                 "actualSource":"OUTPUT_RECORDS"}""".formatted(dept, project));
    }

    private static RetryAfterOutage.Answer answer(io.restassured.response.Response r) {
        return new RetryAfterOutage.Answer(r.statusCode(), r.contentType(), r.header("Retry-After"), r.asString());
    }
}
