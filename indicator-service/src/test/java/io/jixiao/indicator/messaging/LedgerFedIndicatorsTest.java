package io.jixiao.indicator.messaging;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.awaitProjectKnown;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.events.CloudEventHeaders;
import io.jixiao.events.EventSchemas;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.TestTokens;
import io.jixiao.infra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

/** Budget events through the real broker move the cost lines and the execution rate; nobody types them. */
@QuarkusTest
class LedgerFedIndicatorsTest {

    @Test
    void costLinesAndTheExecutionRateFollowTheLedger() throws Exception {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            // the seed's 智慧怀化工作经费: 34 万元 = 30 this year (≤30 line) + 4 carried over from 2022 (≤4 line)
            Map<String, String> lines = new LinkedHashMap<>();
            lines.put("2023年预算", "300000.00");
            lines.put("2022年结转", "40000.00");
            BudgetEventsFeed.Project project = feed.registerProject(dept, "智慧怀化工作经费", lines);
            awaitProjectKnown(dept, project.id());

            String thisYear = define(dept, costLine(dept, project, "智慧怀化工作经费", "30", project.line("2023年预算"), "5"));
            String carryOver = define(dept, costLine(dept, project, "结转2022年度智慧怀化相关项目经费", "4",
                    project.line("2022年结转"), "5"));
            String execution = define(dept, """
                    {"departmentCode":"%s","fiscalYear":2023,"level1":"OUTPUT","level2":"QUANTITY","name":"预算执行率",
                     "direction":"GE","target":"90","unit":"%%","weight":"0","actualSource":"LEDGER",
                     "ledgerMeasure":"EXECUTION_RATE"}""".formatted(dept));
            define(dept, """
                    {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"OUTPUT","level2":"QUANTITY",
                     "name":"受理企业诉求","direction":"GE","target":"2486","unit":"个","weight":"40",
                     "actualSource":"ENTERED"}""".formatted(dept, project.id()));
            define(dept, """
                    {"departmentCode":"%s","fiscalYear":2023,"level1":"BENEFIT","level2":"SOCIAL","name":"新增规模工业企业",
                     "direction":"GE","target":"100","unit":"家","weight":"30","actualSource":"ENTERED"}""".formatted(dept));
            define(dept, """
                    {"departmentCode":"%s","fiscalYear":2023,"level1":"SATISFACTION","level2":"SERVICE_OBJECT",
                     "name":"服务对象满意度","direction":"GE","target":"95","unit":"%%","weight":"10",
                     "actualSource":"ENTERED"}""".formatted(dept));

            feed.arrive(project.line("2023年预算"), "300000.00");
            feed.arrive(project.line("2022年结转"), "40000.00");
            feed.spend(project.line("2023年预算"), "150000.00");
            feed.spend(project.line("2023年预算"), "130000.00");
            feed.spend(project.line("2022年结转"), "40000.00");

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                indicator(dept, thisYear).body("actual", equalTo("28")).body("actualSource", equalTo("LEDGER"));
                indicator(dept, carryOver).body("actual", equalTo("4"));
                // 320000 of 340000
                indicator(dept, execution).body("actual", equalTo("94.11764706"));
            });

            var score = as(TestTokens.deptLead(dept)).post("/api/departments/" + dept + "/years/2023/score")
                    .then().statusCode(200)
                    .body("policy", equalTo("财预〔2020〕10号"))
                    .body("executionRate", equalTo("94.12"))
                    .body("groups.find { it.group == 'EXECUTION_RATE' }.score", equalTo("9.41"))
                    .body("groups.find { it.group == 'OUTPUT' }.score", equalTo("10.00"))
                    .extract().jsonPath();
            assertEquals(3, score.getList("missingActuals").size());

            try (TopicReader topic = new TopicReader(IndicatorTestResources.infrastructure().kafkaBootstrapServers(),
                    Topics.INDICATOR_EVENTS)) {
                List<ConsumerRecord<String, String>> records = topic.awaitRecords(project.id().toString(), 20,
                        Duration.ofSeconds(20));
                ObjectMapper json = new ObjectMapper();
                JsonNode lastOfThisYear = null;
                for (ConsumerRecord<String, String> r : records) {
                    String type = TopicReader.header(r, CloudEventHeaders.TYPE);
                    JsonNode payload = json.readTree(r.value());
                    assertEquals(List.of(), EventSchemas.instance().violations(type, payload));
                    if (EventTypes.INDICATOR_ACTUAL_CHANGED.equals(type) && thisYear.equals(payload.get("indicatorId").asText())) {
                        lastOfThisYear = payload;
                    }
                }
                assertTrue(lastOfThisYear != null, "the cost line's actual was published");
                assertEquals("28", lastOfThisYear.get("actual").asText());
                assertEquals("LEDGER", lastOfThisYear.get("actualSource").asText());
                // the change was caused by the ledger write, and keeps that write's actor
                assertEquals("service-account-finance-portal", lastOfThisYear.at("/actor/subject").asText());
            }
        }
    }

    private static String costLine(String dept, BudgetEventsFeed.Project project, String name, String ceiling,
            java.util.UUID line, String weight) {
        return """
                {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"COST","level2":"ECONOMIC_COST",
                 "name":"%s","direction":"LE","target":"%s","unit":"万元","weight":"%s","actualSource":"LEDGER",
                 "ledgerMeasure":"SPENT","fundingLineId":"%s"}""".formatted(dept, project.id(), name, ceiling, weight, line);
    }

    static io.restassured.response.ValidatableResponse indicator(String dept, String id) {
        return as(TestTokens.deptUser(dept)).get("/api/indicators/" + id).then().statusCode(200);
    }
}
