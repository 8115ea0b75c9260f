package io.jixiao.indicator;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.jixiao.infra.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls indicator-service as its users do. */
public final class Api {

    /**
     * A request as the client makes it: signed in, JSON, and with an Idempotency-Key of its own (a test that retries
     * names its key with {@code .header("Idempotency-Key", key)}, which replaces this one).
     */
    public static RequestSpecification as(String token) {
        return given().config(RestAssured.config().headerConfig(HeaderConfig.headerConfig()
                        .overwriteHeadersWithName("Idempotency-Key", "Content-Type", "Accept")))
                .auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public static String newDepartmentCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** Waits until indicator-service has seen the project's registration on budget.events. */
    public static void awaitProjectKnown(String department, UUID projectId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(TestTokens.reviewer())
                .get("/api/departments/" + department + "/years/2023/ledger").then().statusCode(200)
                .extract().jsonPath().getList("projectId", String.class).contains(projectId.toString()));
    }

    /** Defines an indicator from a JSON body and returns its id. */
    public static String define(String department, String body) {
        return as(TestTokens.deptUser(department)).body(body).post("/api/indicators").then().statusCode(201)
                .extract().path("id");
    }

    private Api() {
    }
}
