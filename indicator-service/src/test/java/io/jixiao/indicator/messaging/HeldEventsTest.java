package io.jixiao.indicator.messaging;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.jixiao.common.inbox.DeadLetters;
import io.jixiao.events.Topics;
import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.infra.TestTokens;
import io.jixiao.infra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An event the consumer cannot apply does not stop it, and is not lost: one about a project not registered yet
 * is parked and applied once the project is; one that cannot be applied at all is dead-lettered with its reason
 * and the events after it are applied. An admin lists both and replays them.
 */
@QuarkusTest
class HeldEventsTest {

    @Test
    void aDisbursementBeforeItsProjectIsParkedAndAppliedOnceTheProjectIsRegistered() {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            BudgetEventsFeed.Project project = feed.registerProjectUnsent(dept, "先付款后登记的项目", Map.of("本年预算", "10000.00"));
            feed.arrive(project.line("本年预算"), "10000.00");
            feed.spend(project.line("本年预算"), "2500.00");
            String subject = "project/" + project.id();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.admin())
                    .queryParam("status", "PARKED").get("/api/admin/events/held").then().statusCode(200)
                    .body("findAll { it.subject == '" + subject + "' }.size()", equalTo(2)));
            // replayed now, they are still parked: the project is still unknown
            String parked = as(TestTokens.admin()).queryParam("status", "PARKED").get("/api/admin/events/held").then()
                    .extract().jsonPath().getString("find { it.subject == '" + subject + "' }.id");
            as(TestTokens.admin()).post("/api/admin/events/held/" + parked + "/replay").then().statusCode(409)
                    .body("type", equalTo("urn:jixiao:problem:still-held"));

            feed.resend(project.eventId());
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.reviewer())
                    .get("/api/departments/" + dept + "/years/2023/ledger").then().statusCode(200)
                    .body("[0].arrived", equalTo("10000.00")).body("[0].spent", equalTo("2500.00")));
            as(TestTokens.admin()).get("/api/admin/events/held").then().statusCode(200)
                    .body("findAll { it.subject == '" + subject + "' }.size()", equalTo(0));
        }
    }

    @Test
    void anEventThatCannotBeAppliedIsDeadLetteredAndTheConsumerGoesOn() {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers());
                TopicReader dlq = new TopicReader(IndicatorTestResources.infrastructure().kafkaBootstrapServers(),
                        Topics.BUDGET_EVENTS + ".dlq")) {
            // valid by its schema, but a name longer than any the ledger registers: this service cannot store it
            BudgetEventsFeed.Project unstorable = feed.registerProject(dept, "项".repeat(400), Map.of("本年预算", "1.00"));
            BudgetEventsFeed.Project next = feed.registerProject(dept, "之后的项目", Map.of("本年预算", "1.00"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TestTokens.reviewer())
                    .get("/api/departments/" + dept + "/years/2023/ledger").then().statusCode(200)
                    .body("projectId", hasItem(next.id().toString())));

            List<ConsumerRecord<String, String>> letters = dlq.awaitRecords(unstorable.id().toString(), 1, Duration.ofSeconds(30));
            String reason = TopicReader.header(letters.get(0), DeadLetters.REASON);
            assertTrue(reason.startsWith("cannot be applied"), reason);
            JsonPath held = as(TestTokens.admin()).queryParam("status", "DEAD_LETTERED").get("/api/admin/events/held").then()
                    .statusCode(200).extract().jsonPath();
            String id = held.getString("find { it.eventId == '" + unstorable.eventId() + "' }.id");
            assertEquals("jixiao.budget.ProjectRegistered.v1",
                    held.getString("find { it.eventId == '" + unstorable.eventId() + "' }.eventType"));
            // replaying it without mending anything holds it again, with its reason
            as(TestTokens.admin()).post("/api/admin/events/held/" + id + "/replay").then().statusCode(409);
            as(TestTokens.admin()).post("/api/admin/events/held/" + UUID.randomUUID() + "/replay").then().statusCode(404);
        }
    }
}
