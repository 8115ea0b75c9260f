package io.jixiao.budget.service;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.jixiao.infra.Race;
import io.jixiao.common.idempotency.IdempotentWrites;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Disbursements that arrive together are committed together, and still each one is checked, recorded
 * and published as if it had been alone: in order, against the balance the ones before it left.
 */
@QuarkusTest
class DisbursementGroupCommitTest {

    private static final int PER_PROJECT = 20;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @Test
    void racingDisbursementsShareCommitsAndEachEventCarriesTheTotalsAfterIt() throws Exception {
        String dept = newDepartment();
        List<String> projects = List.of(newProject(dept, "1000.00"), newProject(dept, "1000.00"),
                newProject(dept, "1000.00"));
        projects.forEach(p -> arrive(p, "1000.00").statusCode(201));

        // 60 requests at once, 20 per project, of 1.01, 1.02, … so that every amount is distinct
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 1; i <= PER_PROJECT; i++) {
            String amount = "1." + String.format("%02d", i);
            for (String project : projects) {
                requests.add(() -> spend(dept, project, amount, null).statusCode());
            }
        }
        List<Integer> statuses = Race.run(requests);
        assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());

        // 1.01 + … + 1.20 = 22.10 per project, once each
        for (String project : projects) {
            as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200)
                    .body("total.spent", org.hamcrest.Matchers.equalTo("22.10"))
                    .body("total.available", org.hamcrest.Matchers.equalTo("977.90"));
        }
        int transactions = transactionsThatWrote(projects);
        assertTrue(transactions < projects.size() * PER_PROJECT,
                "60 racing disbursements were committed in " + transactions + " transactions");

        // in outbox order, each FundsSpent's line total is the one before it plus its own amount
        for (String project : projects) {
            BigDecimal spent = BigDecimal.ZERO.setScale(2);
            List<JsonNode> events = fundsSpentInOutboxOrder(project);
            assertEquals(PER_PROJECT, events.size());
            for (JsonNode event : events) {
                spent = spent.add(new BigDecimal(event.get("amount").asText()));
                assertEquals(spent.toPlainString(), event.at("/lineTotals/spent").asText());
                assertEquals(spent.toPlainString(), event.at("/projectTotals/spent").asText());
            }
        }
    }

    @Test
    void aKeySentTwiceInOneGroupRecordsOnceAndBothGetTheSameEntry() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "500.00");
        arrive(project, "500.00").statusCode(201);

        // five keys, each sent twice at the same moment, among ten requests without a key
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = "group-" + project + "-" + i;
            requests.add(() -> spend(dept, project, "10.00", key));
            requests.add(() -> spend(dept, project, "10.00", key));
        }
        for (int i = 0; i < 10; i++) {
            requests.add(() -> spend(dept, project, "10.00", null));
        }
        List<Response> responses = Race.run(requests);

        Map<String, List<Response>> byKey = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            byKey.computeIfAbsent("k" + i / 2, k -> new ArrayList<>()).add(responses.get(i));
        }
        for (List<Response> pair : byKey.values()) {
            assertEquals(201, pair.get(0).statusCode());
            assertEquals(201, pair.get(1).statusCode());
            assertEquals(pair.get(0).path("id").toString(), pair.get(1).path("id").toString());
            assertNotEquals(pair.get(0).header(IdempotentWrites.REPLAYED_HEADER),
                    pair.get(1).header(IdempotentWrites.REPLAYED_HEADER), "exactly one of the two is the replay");
        }
        responses.subList(10, 20).forEach(r -> assertEquals(201, r.statusCode()));
        // 5 keyed + 10 unkeyed disbursements of 10.00
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200)
                .body("total.spent", org.hamcrest.Matchers.equalTo("150.00"));
    }

    @Test
    void aProjectLockedElsewhereHoldsUpOnlyItsOwnDisbursements() throws Exception {
        String dept = newDepartment();
        String stuck = newProject(dept, "100.00");
        String free = newProject(dept, "100.00");
        arrive(stuck, "100.00").statusCode(201);
        arrive(free, "100.00").statusCode(201);

        // another transaction holds the project's lock (as an arrival would, but for far too long)
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from project where id = ?::uuid for update")) {
                lock.setString(1, stuck);
                lock.executeQuery().close();
            }
            List<Callable<Response>> requests = new ArrayList<>();
            requests.add(() -> spend(dept, stuck, "10.00", null));
            for (int i = 0; i < 5; i++) {
                requests.add(() -> spend(dept, free, "10.00", null));
            }
            List<Response> responses = Race.run(requests);

            Response refused = responses.get(0);
            assertEquals(503, refused.statusCode());
            assertEquals("application/problem+json", refused.contentType());
            assertEquals("urn:jixiao:problem:ledger-unavailable", refused.path("type"));
            responses.subList(1, 6).forEach(r -> assertEquals(201, r.statusCode()));
            holder.rollback();
        }
        as(TestTokens.reviewer()).get("/api/projects/" + free + "/balance").then().statusCode(200)
                .body("total.spent", org.hamcrest.Matchers.equalTo("50.00"));
        // the refused one changed nothing, and the project takes disbursements again once the lock is gone
        as(TestTokens.reviewer()).get("/api/projects/" + stuck + "/balance").then().statusCode(200)
                .body("total.spent", org.hamcrest.Matchers.equalTo("0.00"));
        assertEquals(201, spend(dept, stuck, "10.00", null).statusCode());
    }

    private static Response spend(String department, String projectId, String amount, String idempotencyKey) {
        var request = as(TestTokens.deptUser(department)).body("""
                {"amount":"%s","spentOn":"2023-05-10","payee":"怀化某公司","purpose":"运维服务"}""".formatted(amount));
        if (idempotencyKey != null) {
            request.header(IdempotentWrites.HEADER, idempotencyKey);
        }
        return request.post("/api/projects/" + projectId + "/disbursements");
    }

    /** How many transactions wrote the projects' disbursements (each row keeps the id of its transaction). */
    private int transactionsThatWrote(List<String> projects) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "select count(distinct xmin::text) from ledger_entry where project_id = any(?::uuid[]) and kind = 'DISBURSEMENT'")) {
            st.setArray(1, c.createArrayOf("uuid", projects.stream().map(java.util.UUID::fromString).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<JsonNode> fundsSpentInOutboxOrder(String project) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "select payload from outbox_event where subject = ? and event_type like '%FundsSpent%' order by position")) {
            st.setString(1, "project/" + project);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(json.readTree(rs.getString(1)));
                }
            }
        }
        return events;
    }
}
