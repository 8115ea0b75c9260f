package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class UnexpectedFailureTest {

    @Test
    void aBugIsA500ProblemWithAnErrorIdAndNothingOfItsInternals() {
        Response response = as(TestTokens.admin()).get("/test-only/failing");
        String errorId = response.then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:internal-error"))
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body(not(containsString(FailingResource.INTERNALS)))
                .body(not(containsString("IllegalStateException")))
                .extract().path("errorId");
        response.then().body("detail", containsString(errorId));
    }

    @Test
    void statusesChosenOnPurposeKeepTheirResponse() {
        // ...and leave as problems too, naming the call, instead of an empty body
        as(TestTokens.admin()).get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:jixiao:problem:not-found"))
                .body("status", equalTo(404)).body("detail", containsString("GET /api/no-such-thing"));
        as(TestTokens.admin()).delete("/api/projects").then().statusCode(405)
                .contentType("application/problem+json").body("type", equalTo("urn:jixiao:problem:method-not-allowed"))
                .body("detail", containsString("DELETE /api/projects"));
        as(TestTokens.portal()).contentType("text/plain").body("x").post("/api/projects").then().statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("urn:jixiao:problem:unsupported-media-type"))
                .body("detail", containsString("application/json"));
    }
}
