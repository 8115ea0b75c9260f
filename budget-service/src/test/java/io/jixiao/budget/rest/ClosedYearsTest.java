package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.jixiao.budget.Fixtures.spend;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.budget.BudgetTestResources;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * DESIGN §9: once a department-year's report is accepted, its money is closed to writes until a finance reviewer
 * reopens the year (report-service says both on report.events).
 */
@QuarkusTest
class ClosedYearsTest {

    @Test
    void anAcceptedYearTakesNoMoneyUntilItIsReopened() {
        String dept = newDepartment();
        String project = newProject(dept, "10000.00");
        arrive(project, "5000.00").statusCode(201);
        String entry = spend(dept, project, "100.00").statusCode(201).extract().path("id");

        try (BudgetEventsFeed report = new BudgetEventsFeed(BudgetTestResources.infrastructure().kafkaBootstrapServers())) {
            report.send(Topics.REPORT_EVENTS, EventTypes.DEPARTMENT_YEAR_CLOSED, dept + "/2023",
                    event(dept).put("version", 1), UUID.randomUUID());
            // asked with more than the line holds, so that no attempt while the event is on its way records anything
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> spend(dept, project, "99999.00")
                    .statusCode(409).body("type", equalTo("urn:jixiao:problem:year-closed")));
            spend(dept, project, "100.00").statusCode(409).body("type", equalTo("urn:jixiao:problem:year-closed"))
                    .body("reportVersion", equalTo(1));
            arrive(project, "100.00").statusCode(409).body("type", equalTo("urn:jixiao:problem:year-closed"));
            as(TestTokens.deptUser(dept)).body("{\"entryId\":\"" + entry + "\",\"reason\":\"错录\",\"reversedOn\":\"2023-06-01\"}")
                    .post("/api/projects/" + project + "/reversals").then().statusCode(409)
                    .body("type", equalTo("urn:jixiao:problem:year-closed"));
            as(TestTokens.portal()).body("""
                    {"amount":"100.00","reason":"追加","adjustedOn":"2023-06-01"}""")
                    .post("/api/projects/" + project + "/budget-adjustments").then().statusCode(409);
            // another year of the same department is not closed
            String nextYear = as(TestTokens.portal()).body("""
                    {"departmentCode":"%s","fiscalYear":2024,"name":"下一年的项目","category":"OPENING_BUDGET","budget":"100.00"}"""
                    .formatted(dept)).post("/api/projects").then().statusCode(201).extract().path("id");
            as(TestTokens.portal()).body("""
                    {"amount":"100.00","arrivedOn":"2024-03-01"}""").post("/api/projects/" + nextYear + "/arrivals").then()
                    .statusCode(201);

            report.send(Topics.REPORT_EVENTS, EventTypes.DEPARTMENT_YEAR_REOPENED, dept + "/2023",
                    event(dept).put("reason", "补录遗漏的支出"), UUID.randomUUID());
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> spend(dept, project, "99999.00")
                    .body("type", equalTo("urn:jixiao:problem:insufficient-funds")));
            spend(dept, project, "100.00").statusCode(201);
        }
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then()
                .body("total.spent", equalTo("200.00"));
    }

    private static ObjectNode event(String dept) {
        ObjectNode payload = new ObjectMapper().createObjectNode().put("departmentCode", dept).put("fiscalYear", 2023)
                .put("businessDate", "2023-12-31");
        payload.putObject("actor").put("subject", "reviewer").putNull("department");
        return payload;
    }
}
