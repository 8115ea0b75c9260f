package io.jixiao.report;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.jixiao.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

public final class Api {

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String newDepartmentCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** Waits until the report's read model has caught up: a condition on its JSON. */
    public static JsonPath awaitReport(String department, java.util.function.Predicate<JsonPath> caughtUp) {
        JsonPath[] last = new JsonPath[1];
        try {
            Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300)).until(() -> {
                last[0] = as(TestTokens.reviewer()).get("/api/reports/" + department + "/2023").then().statusCode(200)
                        .extract().jsonPath();
                return caughtUp.test(last[0]);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the report did not catch up; it last read " + (last[0] == null ? "nothing"
                    : last[0].prettify()), e);
        }
        return last[0];
    }

    private Api() {
    }
}
