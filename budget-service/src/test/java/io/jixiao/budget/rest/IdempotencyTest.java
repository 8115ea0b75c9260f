package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.jixiao.common.idempotency.IdempotencyKeyPurge;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    IdempotencyKeyPurge purge;

    private static final String ARRIVAL = """
            {"amount":"%s","arrivedOn":"2023-03-01","source":"市财政局","reference":"怀财指〔2023〕12号"}""";

    @Test
    void aRetryWithTheSameKeyGetsTheOriginalResponseAndRecordsNothingNew() {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        String key = UUID.randomUUID().toString();

        Response first = post(project, key, "60000.00");
        first.then().statusCode(201);
        Response retry = post(project, key, "60000.00");
        retry.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("amount", equalTo("60000.00"));
        assertEquals(first.header("Location"), retry.header("Location"));

        as(TestTokens.reviewer()).get("/api/projects/" + project + "/ledger").then()
                .body("entries", hasSize(1))
                .body("balance.total.arrived", equalTo("60000.00"));
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422() {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        String key = UUID.randomUUID().toString();
        post(project, key, "60000.00").then().statusCode(201);

        post(project, key, "60000.01").then().statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"))
                .body("type", equalTo("urn:jixiao:problem:idempotency-key-reused"));
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then()
                .body("total.arrived", equalTo("60000.00"));
    }

    @Test
    void aRefusedWriteStoresNothingSoItsRetryRunsAgain() {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        String key = UUID.randomUUID().toString();
        post(project, key, "100000.01").then().statusCode(409);
        post(project, key, "100000.01").then().statusCode(409);
        post(project, UUID.randomUUID().toString(), "1.00").then().statusCode(201);
    }

    @Test
    void racingRetriesWithOneKeyRecordOneEntry() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return post(project, key, "5000.00");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> f : responses) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.path("id"));
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/ledger").then().body("entries", hasSize(1));
    }

    @Test
    void aKeyIsValidated() {
        String dept = newDepartment();
        String project = newProject(dept, "100.00");
        post(project, "x".repeat(201), "1.00").then().statusCode(400).body("field", equalTo("Idempotency-Key"));
    }

    /** A money write without a key could be recorded twice by a retry after a timeout: it is refused, naming the header. */
    @Test
    void aWriteThatMayBeRetriedRequiresAKey() {
        String dept = newDepartment();
        String project = newProject(dept, "100.00");
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.portal()).contentType("application/json")
                .body(ARRIVAL.formatted("1.00")).post("/api/projects/" + project + "/arrivals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"))
                .body("detail", org.hamcrest.Matchers.containsString("is required"));
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.deptUser(dept)).contentType("application/json")
                .body("""
                        {"amount":"1.00","spentOn":"2023-05-10","payee":"怀化某公司","purpose":"运维服务"}""")
                .post("/api/projects/" + project + "/disbursements").then().statusCode(400)
                .body("field", equalTo("Idempotency-Key"));
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200)
                .body("total.arrived", equalTo("0.00")).body("total.spent", equalTo("0.00"));
    }

    /**
     * A key is honoured for jixiao.idempotency.retention (30 days): a retry within it is still replayed
     * after a purge, and a key past it is deleted, its ledger entry untouched.
     */
    @Test
    void keysPastTheirRetentionArePurgedAndRecentOnesStillReplay() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        String oldKey = UUID.randomUUID().toString();
        String recentKey = UUID.randomUUID().toString();
        post(project, oldKey, "100.00").then().statusCode(201);
        post(project, recentKey, "200.00").then().statusCode(201);
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "update idempotency_record set created_at = now() - interval '31 days' where idempotency_key = ?")) {
            st.setString(1, oldKey);
            assertEquals(1, st.executeUpdate());
        }

        // the service's own round may come first: either way the old key goes and nothing else
        purge.purge();
        assertEquals(0, keys(oldKey), "the key past its retention is deleted");
        assertEquals(1, keys(recentKey), "the recent key stays");
        assertEquals(0, purge.purge(), "a second round finds nothing");
        post(project, recentKey, "200.00").then().statusCode(201).header("Idempotent-Replayed", "true");
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/ledger").then()
                .body("entries", hasSize(2))
                .body("balance.total.arrived", equalTo("300.00"));
    }

    private long keys(String key) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "select count(*) from idempotency_record where idempotency_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Response post(String project, String key, String amount) {
        return as(TestTokens.portal()).header("Idempotency-Key", key).body(ARRIVAL.formatted(amount))
                .post("/api/projects/" + project + "/arrivals");
    }
}
