package io.jixiao.indicator.messaging;

import static io.jixiao.indicator.Api.awaitProjectKnown;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static io.jixiao.indicator.messaging.LedgerFedIndicatorsTest.indicator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.common.inbox.DeadLetters;
import io.jixiao.events.CloudEventHeaders;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

/** The consumer against the real broker: exactly once, tolerant, and never blocked by a bad record. */
@QuarkusTest
class BudgetEventsConsumerTest {

    String dept;
    BudgetEventsFeed feed;
    BudgetEventsFeed.Project project;
    String cost;
    UUID line;

    @BeforeEach
    void aProjectWithACostLine() {
        dept = newDepartmentCode();
        feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers());
        project = feed.registerProject(dept, "安全生产专项经费", Map.of("本年预算", "150000.00"));
        line = project.line("本年预算");
        awaitProjectKnown(dept, project.id());
        cost = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"COST","level2":"ECONOMIC_COST",
                 "name":"安全生产工作经费","direction":"LE","target":"15","unit":"万元","weight":"10",
                 "actualSource":"LEDGER","ledgerMeasure":"SPENT"}""".formatted(dept, project.id()));
    }

    @AfterEach
    void closeFeed() {
        feed.close();
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        feed.arrive(line, "150000.00");
        UUID spentId = UUID.randomUUID();
        ObjectNode spent = feed.nextSpent(line, "50000.00");
        feed.send(EventTypes.FUNDS_SPENT, project.id().toString(), spent, spentId);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> indicator(dept, cost).body("actual", equalTo("5")));

        // the same event id again, even carrying other figures, is recognised and not applied
        ObjectNode forged = feed.nextSpent(line, "90000.00");
        feed.send(EventTypes.FUNDS_SPENT, project.id().toString(), forged, spentId);
        ObjectNode next = feed.nextSpent(line, "10000.00");
        next.with("lineTotals").put("spent", "60000.00");
        next.with("projectTotals").put("spent", "60000.00");
        feed.send(EventTypes.FUNDS_SPENT, project.id().toString(), next, UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> indicator(dept, cost).body("actual", equalTo("6")));
        // events of a project are applied in order: by now the redelivery has been seen, and it moved nothing
        try (TopicReader topic = new TopicReader(IndicatorTestResources.infrastructure().kafkaBootstrapServers(),
                Topics.INDICATOR_EVENTS)) {
            List<String> costActuals = topic.drain(project.id().toString(), Duration.ofSeconds(3)).stream()
                    .filter(r -> EventTypes.INDICATOR_ACTUAL_CHANGED.equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                    .map(r -> r.value())
                    .filter(v -> v.contains(cost))
                    .map(v -> v.replaceAll(".*\"actual\":\"([^\"]*)\".*", "$1"))
                    .toList();
            assertEquals(List.of("0", "5", "6"), costActuals);
        }
        io.restassured.RestAssured.given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.containsString("outcome=\"DUPLICATE\""));
    }

    @Test
    void unknownTypesAndUnknownFieldsAreTolerated() {
        feed.arrive(line, "150000.00");
        feed.sendRaw(project.id().toString(), "{\"departmentCode\":\"" + dept + "\",\"whatever\":1}",
                UUID.randomUUID().toString(), "jixiao.budget.SomethingNew.v1");
        ObjectNode spent = feed.nextSpent(line, "20000.00");
        spent.put("costCentre", "A-12");
        spent.putObject("addedLater").put("x", 1);
        feed.send(EventTypes.FUNDS_SPENT, project.id().toString(), spent, UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> indicator(dept, cost).body("actual", equalTo("2")));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        String key = project.id().toString();
        feed.arrive(line, "150000.00");
        feed.sendRaw(key, "{not json", UUID.randomUUID().toString(), EventTypes.FUNDS_SPENT);
        feed.sendRaw(key, "{}", null, null);
        ObjectNode numberAmount = feed.nextSpent(line, "1.00");
        numberAmount.put("amount", 1.0);
        feed.sendRaw(key, numberAmount.toString(), UUID.randomUUID().toString(), EventTypes.FUNDS_SPENT);
        // the partition moves on: a good event after the bad ones is applied
        feed.spend(line, "30000.00");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> indicator(dept, cost).body("actual", equalTo("3")));
        try (TopicReader dlq = new TopicReader(IndicatorTestResources.infrastructure().kafkaBootstrapServers(),
                "budget.events.dlq")) {
            List<ConsumerRecord<String, String>> letters = dlq.awaitRecords(key, 3, Duration.ofSeconds(20));
            List<String> reasons = letters.stream().map(r -> TopicReader.header(r, DeadLetters.REASON)).toList();
            assertEquals(3, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).contains("not JSON"), reasons.get(0));
            assertTrue(reasons.get(1).contains("not a CloudEvent"), reasons.get(1));
            assertTrue(reasons.get(2).contains("breaks its schema") && reasons.get(2).contains("amount"), reasons.get(2));
            assertEquals("{not json", letters.get(0).value());
            assertTrue(TopicReader.header(letters.get(0), DeadLetters.ORIGIN).startsWith("budget.events/"));
        }
    }
}
