package io.jixiao.budget;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What an operator relies on: health, readiness that includes the database and Kafka, metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessCoversTheDatabaseKafkaAndTheRelay() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Kafka connection health check", "outbox-relay"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountLedgerWritesAndShowTheOutboxBacklog() {
        String dept = newDepartment();
        arrive(newProject(dept, "10.00"), "10.00").statusCode(201);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jixiao_ledger_writes_total{kind=\"ARRIVAL\""))
                .body(containsString("jixiao_outbox_backlog"))
                .body(containsString("jixiao_outbox_published_total"));
    }
}
