package io.jixiao.budget;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.jixiao.budget.Fixtures.spend;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.jixiao.infra.DatabaseRestart;
import io.jixiao.infra.Race;
import io.jixiao.infra.RetryAfterOutage;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What an operator relies on: health, readiness that includes the database (the broker only as a detail), metrics, and a
 * service that carries on through a database restart.
 */
@QuarkusTest
class OperationsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessCoversTheDatabaseAndTheRelayWithTheBrokerAsADetail() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "outbox-relay"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItems("Kafka connection health check")))
                .body("checks.find { it.name == 'outbox-relay' }.data.broker", equalTo("reachable"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountLedgerWritesAndShowTheOutboxBacklog() {
        String dept = newDepartment();
        arrive(newProject(dept, "10.00"), "10.00").statusCode(201);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jixiao_ledger_writes_total{kind=\"ARRIVAL\""))
                .body(containsString("jixiao_outbox_backlog"))
                .body(containsString("jixiao_outbox_published_total"))
                .body(containsString("jixiao_outbox_purged_total"))
                .body(containsString("jixiao_idempotency_keys_purged_total"));
    }

    /**
     * A PostgreSQL restart (or failover) ends every connection in the service's pool. The requests after
     * it must not be the ones that find out: the pool checks a connection that sat idle before handing it
     * out, and opens a new one in place of a dead one. Without that check, 5 of these 12 requests failed
     * (four 500s, one 503).
     */
    @Test
    void requestsAfterADatabaseRestartSucceed() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100.00");
        arrive(project, "100.00").statusCode(201);
        DatabaseRestart.endPooledConnections(BudgetTestResources.infrastructure(), dataSource);

        // at once, so that the requests take most of the pool's connections, not one reused in turn
        String token = TestTokens.deptUser(dept);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(() -> spend(dept, project, "1.00").extract().statusCode());
            requests.add(() -> Fixtures.as(token).get("/api/projects/" + project).then().extract().statusCode());
        }
        assertEquals(List.of(201, 200, 201, 200, 201, 200, 201, 200, 201, 200, 201, 200), Race.run(requests));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // each disbursement recorded once
        Fixtures.as(token).get("/api/projects/" + project + "/ledger").then().statusCode(200)
                .body("balance.total.spent", equalTo("6.00"));
    }

    /**
     * The connections in use when the database went down are dead too, and the pool hands them out
     * unchecked: the requests that meet one must be told to retry (503, Retry-After), not fail with a 500,
     * and their retries must record each disbursement once.
     */
    @Test
    void requestsThatMeetADeadConnectionAreAskedToRetry() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100.00");
        arrive(project, "100.00").statusCode(201);
        String token = TestTokens.deptUser(dept);
        List<Callable<RetryAfterOutage.Answer>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = "outage-" + UUID.randomUUID();
            requests.add(() -> answer(Fixtures.as(token).header("Idempotency-Key", key).body(DISBURSEMENT)
                    .post("/api/projects/" + project + "/disbursements")));
            requests.add(() -> answer(Fixtures.as(token).get("/api/projects/" + project)));
        }
        DatabaseRestart.endConnectionsJustUsed(BudgetTestResources.infrastructure(), dataSource);

        RetryAfterOutage.RetryResult outcome = RetryAfterOutage.send(requests);
        assertTrue(outcome.askedToRetry() > 0, "no request met a dead connection: " + outcome);
        assertEquals(List.of(201, 200, 201, 200, 201, 200, 201, 200, 201, 200, 201, 200), outcome.finalStatuses());
        Fixtures.as(token).get("/api/projects/" + project + "/ledger").then().statusCode(200)
                .body("balance.total.spent", equalTo("6.00"));
    }

    private static final String DISBURSEMENT = """
            {"amount":"1.00","spentOn":"2023-05-10","payee":"怀化某公司","purpose":"运维服务"}""";

    private static RetryAfterOutage.Answer answer(io.restassured.response.Response r) {
        return new RetryAfterOutage.Answer(r.statusCode(), r.contentType(), r.header("Retry-After"), r.asString());
    }
}
