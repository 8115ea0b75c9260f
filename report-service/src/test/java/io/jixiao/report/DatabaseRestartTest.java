package io.jixiao.report;

import static io.jixiao.report.Api.as;
import static io.jixiao.report.Api.awaitReport;
import static io.jixiao.report.Api.newDepartmentCode;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * A PostgreSQL restart (or failover) ends every connection in report-service's pool. Reviewers reading
 * reports right after it must not be the ones who find out, and the events that arrive meanwhile must
 * still reach the report. Without the pool's check of idle connections, 6 of these 12 reads failed with
 * 500.
 */
@QuarkusTest
class DatabaseRestartTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void reportsAreReadAndEventsAppliedAfterADatabaseRestart() throws Exception {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed budget = new BudgetEventsFeed(ReportTestResources.infrastructure().kafkaBootstrapServers())) {
            budget.registerDepartment(dept, "重启单位");
            BudgetEventsFeed.Project project = budget.registerProject(dept, "数据库重启专项经费", "OPENING_BUDGET",
                    Map.of("本年预算", "100000.00"));
            budget.arrive(project.line("本年预算"), "100000.00");
            awaitReport(dept, r -> "10.00".equals(r.getString("totals.arrived")));
            DatabaseRestart.endPooledConnections(ReportTestResources.infrastructure(), dataSource);

            // at once, so that the reads take most of the pool's connections, not one reused in turn
            String reviewer = TestTokens.reviewer();
            assertEquals(Collections.nCopies(12, 200), Race.repeat(12,
                    () -> as(reviewer).get("/api/reports/" + dept + "/2023").then().extract().statusCode()));

            // an event after the restart reaches the report
            budget.spend(project.line("本年预算"), "30000.00");
            awaitReport(dept, r -> "3.00".equals(r.getString("totals.spent")));
        }
    }

    /**
     * The connections in use when the database went down are dead too, and the pool hands them out
     * unchecked: the requests that meet one must be told to retry (503, Retry-After), not fail with a 500,
     * and the retried section edits must then be in the report.
     */
    @Test
    void requestsThatMeetADeadConnectionAreAskedToRetry() throws Exception {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed budget = new BudgetEventsFeed(ReportTestResources.infrastructure().kafkaBootstrapServers())) {
            budget.registerDepartment(dept, "连接中断单位");
            budget.registerProject(dept, "连接中断专项经费", "OPENING_BUDGET", Map.of("本年预算", "100000.00"));
            awaitReport(dept, r -> "10.00".equals(r.getString("totals.budget")));
            String base = "/api/reports/" + dept + "/2023";
            String staff = TestTokens.deptUser(dept);
            List<String> sections = List.of("fund-management", "problems", "fund-management", "problems",
                    "fund-management", "problems");
            List<Callable<RetryAfterOutage.Answer>> requests = new ArrayList<>();
            for (String section : sections) {
                requests.add(() -> answer(as(staff).body("{\"text\":\"重启后写入：" + section + "\"}")
                        .put(base + "/sections/" + section)));
                requests.add(() -> answer(as(staff).get(base)));
            }
            DatabaseRestart.endConnectionsJustUsed(ReportTestResources.infrastructure(), dataSource);

            RetryAfterOutage.RetryResult outcome = RetryAfterOutage.send(requests);
            assertTrue(outcome.askedToRetry() > 0, "no request met a dead connection: " + outcome);
            assertEquals(Collections.nCopies(12, 200), outcome.finalStatuses());
            as(staff).get(base).then().statusCode(200)
                    .body("narrative.'fund-management'", equalTo("重启后写入：fund-management"))
                    .body("narrative.problems", equalTo("重启后写入：problems"));
        }
    }

    private static RetryAfterOutage.Answer answer(io.restassured.response.Response r) {
        return new RetryAfterOutage.Answer(r.statusCode(), r.contentType(), r.header("Retry-After"), r.asString());
    }
}
