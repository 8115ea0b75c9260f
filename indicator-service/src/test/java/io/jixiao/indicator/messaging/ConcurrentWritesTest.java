package io.jixiao.indicator.messaging;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.awaitProjectKnown;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.jixiao.events.CloudEventHeaders;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.infra.TestTokens;
import io.jixiao.infra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a person saved is never silently overwritten, and a subject's events leave in the order its writes
 * committed. Both are forced here with the database's own locks and a deliberately slow insert, not left to a
 * lucky race.
 */
@QuarkusTest
class ConcurrentWritesTest {

    @Inject
    AgroalDataSource db;

    /**
     * The ledger moves while a person saves a deviation reason on a ledger-fed indicator (held open here): the
     * recomputed actual and the saved reason both stand.
     */
    @Test
    void aDeviationReasonSavedWhileTheLedgerMovesIsKept() throws Exception {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            BudgetEventsFeed.Project project = feed.registerProject(dept, "安全生产专项经费", Map.of("本年预算", "150000.00"));
            awaitProjectKnown(dept, project.id());
            String cost = define(dept, """
                    {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"COST","level2":"ECONOMIC_COST",
                     "name":"安全生产工作经费","direction":"LE","target":"15","unit":"万元","weight":"10",
                     "actualSource":"LEDGER","ledgerMeasure":"SPENT"}""".formatted(dept, project.id()));
            feed.arrive(project.line("本年预算"), "150000.00");

            try (Connection person = db.getConnection()) {
                person.setAutoCommit(false);
                try (PreparedStatement lock = person.prepareStatement("select id from indicator where id = ? for update")) {
                    lock.setObject(1, UUID.fromString(cost));
                    lock.executeQuery();
                }
                feed.spend(project.line("本年预算"), "50000.00");
                Thread.sleep(2000); // the consumer has the batch and reaches the indicator meanwhile
                try (PreparedStatement save = person.prepareStatement(
                        "update indicator set deviation_reason = ?, updated_at = now() where id = ?")) {
                    save.setString(1, "采购延迟，年底集中支付");
                    save.setObject(2, UUID.fromString(cost));
                    save.executeUpdate();
                }
                person.commit();
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.reviewer())
                    .get("/api/indicators/" + cost).then().statusCode(200).body("actual", equalTo("5")));
            as(TestTokens.reviewer()).get("/api/indicators/" + cost).then()
                    .body("deviationReason", equalTo("采购延迟，年底集中支付"));
        }
    }

    /**
     * Two scores of one year at once, the first slow to commit: the score indicator-service keeps as the latest is
     * the one whose event is published last, so report-service (which keeps the latest event) shows the same.
     */
    @Test
    void twoScoresAtOnceArePublishedInTheOrderTheyCommitted() throws Exception {
        String dept = newDepartmentCode();
        for (String[] group : new String[][] { { "OUTPUT", "QUANTITY", "50" }, { "BENEFIT", "SOCIAL", "30" },
                { "SATISFACTION", "SERVICE_OBJECT", "10" } }) {
            String id = define(dept, """
                    {"departmentCode":"%s","fiscalYear":2023,"level1":"%s","level2":"%s","name":"%s","direction":"GE",
                     "target":"10","unit":"个","weight":"%s","actualSource":"ENTERED"}"""
                    .formatted(dept, group[0], group[1], group[1], group[2]));
            as(TestTokens.deptUser(dept)).body("{\"actual\":\"10\"}").post("/api/indicators/" + id + "/actual").then()
                    .statusCode(200);
        }
        var infra = IndicatorTestResources.infrastructure();
        try (Connection c = java.sql.DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
                Statement st = c.createStatement()) {
            // the first score of this department to reach the outbox waits 3 s there before its transaction commits
            st.execute("""
                    create or replace function test_slow_first_score() returns trigger language plpgsql as $$
                    begin
                      if new.event_type = '%s' and new.partition_key = '%s' and pg_try_advisory_xact_lock(4242) then
                        perform pg_sleep(3);
                      end if;
                      return new;
                    end $$""".formatted(EventTypes.DEPARTMENT_YEAR_SCORED, dept));
            st.execute("create trigger test_slow_first_score before insert on outbox_event for each row"
                    + " execute function test_slow_first_score()");
        }
        try {
            String path = "/api/departments/" + dept + "/years/2023/score";
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> as(TestTokens.deptLead(dept)).post(path)
                    .then().statusCode(200).extract().path("id"));
            Thread.sleep(500);
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> as(TestTokens.deptLead(dept)).post(path)
                    .then().statusCode(200).extract().path("id"));
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            try (Connection c = java.sql.DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
                    Statement st = c.createStatement()) {
                st.execute("drop trigger test_slow_first_score on outbox_event");
                st.execute("drop function test_slow_first_score()");
            }
        }
        String latest = as(TestTokens.reviewer()).get("/api/departments/" + dept + "/years/2023/score").then()
                .statusCode(200).extract().path("id");
        try (TopicReader topic = new TopicReader(IndicatorTestResources.infrastructure().kafkaBootstrapServers(),
                Topics.INDICATOR_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(dept, 8, Duration.ofSeconds(30)); // 3 definitions, 3 actuals, 2 scores
            List<String> scores = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                if (EventTypes.DEPARTMENT_YEAR_SCORED.equals(TopicReader.header(r, CloudEventHeaders.TYPE))) {
                    scores.add(new ObjectMapper().readTree(r.value()).get("scoreId").asText());
                }
            }
            assertEquals(2, scores.size(), scores.toString());
            assertEquals(latest, scores.get(1), "the last score published is the one kept as the latest");
        }
    }
}
