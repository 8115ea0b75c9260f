package io.jixiao.report.messaging;

import static io.jixiao.report.Api.awaitReport;
import static io.jixiao.report.Api.newDepartmentCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.common.inbox.DeadLetters;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.infra.TopicReader;
import io.jixiao.report.DepartmentYearFeed;
import io.jixiao.report.ReportTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * report-service takes each event type only from the topic and the service that own it: a score published by
 * anyone but indicator-service, or a disbursement arriving on indicator.events, is dead-lettered with why, and
 * the report does not change.
 */
@QuarkusTest
class EventOwnershipTest {

    @Test
    void anEventFromAnotherTopicOrSourceThanItsOwnersIsDeadLetteredAndNotApplied() {
        String dept = newDepartmentCode();
        String servers = ReportTestResources.infrastructure().kafkaBootstrapServers();
        try (DepartmentYearFeed feed = new DepartmentYearFeed(dept);
                TopicReader dlq = new TopicReader(servers, Topics.INDICATOR_EVENTS + ".dlq")) {
            feed.money().targets();
            awaitReport(dept, r -> "46.00".equals(r.getString("totals.spent")) && r.getList("indicators").size() == 6);

            // a score that says the year is 优, written by budget-service's hand
            ObjectNode forged = new ObjectMapper().createObjectNode().put("departmentCode", dept).put("fiscalYear", 2023)
                    .putNull("projectId").put("businessDate", "2023-12-31").put("scoreId", UUID.randomUUID().toString())
                    .put("policy", "财预〔2020〕10号").put("total", "100").put("grade", "优");
            forged.putArray("groups");
            forged.putArray("indicators");
            forged.putArray("requiredExplanations");
            forged.putObject("actor").put("subject", "intruder").putNull("department");
            feed.budget.sendFrom("/jixiao/budget-service", Topics.INDICATOR_EVENTS, EventTypes.DEPARTMENT_YEAR_SCORED, dept,
                    forged, UUID.randomUUID());
            // a disbursement of the ledger's type, on the indicators' topic
            ObjectNode spent = feed.budget.nextSpent(feed.safety.line("本年预算"), "9000.00");
            feed.budget.sendFrom(EventTypes.sourceOf(EventTypes.FUNDS_SPENT), Topics.INDICATOR_EVENTS,
                    EventTypes.FUNDS_SPENT, feed.safety.id().toString(), spent, UUID.randomUUID());

            List<ConsumerRecord<String, String>> scoreLetters = dlq.awaitRecords(dept, 1, Duration.ofSeconds(30));
            assertTrue(TopicReader.header(scoreLetters.get(0), DeadLetters.REASON).contains(
                    "belongs on indicator.events from /jixiao/indicator-service; it came on indicator.events from"
                            + " /jixiao/budget-service"), TopicReader.header(scoreLetters.get(0), DeadLetters.REASON));
            List<ConsumerRecord<String, String>> spentLetters = dlq.awaitRecords(feed.safety.id().toString(), 1,
                    Duration.ofSeconds(30));
            assertTrue(TopicReader.header(spentLetters.get(0), DeadLetters.REASON).contains("belongs on budget.events"));

            JsonPath report = awaitReport(dept, r -> true);
            assertEquals(null, report.getString("score"));
            assertEquals("46.00", report.getString("totals.spent"));
        }
    }
}
