package io.jixiao.indicator.rest;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.BrokerControl;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.infra.TestInfrastructure;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A score is computed on this service's view of the ledger: while that view is behind (the broker is slow to
 * hand it the latest disbursements), the year is not scored on it but refused, saying so; once caught up, it
 * is scored with the disbursements.
 */
@QuarkusTest
class StaleScoreTest {

    @Test
    void aYearIsNotScoredWhileTheLedgersEventsHaveNotBeenApplied() {
        TestInfrastructure infra = IndicatorTestResources.infrastructure();
        String dept = newDepartmentCode();
        achieved(dept, "OUTPUT", "QUANTITY", "50");
        achieved(dept, "BENEFIT", "SOCIAL", "30");
        achieved(dept, "SATISFACTION", "SERVICE_OBJECT", "10");
        String score = "/api/departments/" + dept + "/years/2023/score";

        infra.broker().holdRequests(Duration.ofSeconds(30), BrokerControl.FETCH);
        try (BudgetEventsFeed feed = new BudgetEventsFeed(infra.kafkaBootstrapServers())) {
            // a fetch already at the broker (it waits up to 100 ms for events) returns; the next one is held
            sleep(Duration.ofSeconds(1));
            BudgetEventsFeed.Project project = feed.registerProject(dept, "新型工业化专项", Map.of("本年预算", "200000.00"));
            feed.arrive(project.line("本年预算"), "200000.00");
            feed.spend(project.line("本年预算"), "100000.00");
            as(TestTokens.deptLead(dept)).post(score).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:jixiao:problem:events-not-caught-up"))
                    .body("topic", equalTo("budget.events"))
                    .body("eventsBehind", equalTo(3));
        } finally {
            infra.broker().releaseRequests();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                as(TestTokens.deptLead(dept)).post(score).then().statusCode(200)
                        .body("executionRate", equalTo("50.00")));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void achieved(String dept, String level1, String level2, String weight) {
        String id = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"level1":"%s","level2":"%s","name":"%s",
                 "direction":"GE","target":"10","unit":"个","weight":"%s","actualSource":"ENTERED"}"""
                .formatted(dept, level1, level2, level2, weight));
        as(TestTokens.deptUser(dept)).body("{\"actual\":\"10\"}").post("/api/indicators/" + id + "/actual")
                .then().statusCode(200);
    }
}
