package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A body over quarkus.http.limits.max-body-size (256 KB) is refused before it is read, as a problem
 * naming the body and the limit (Quarkus' own refusal has an empty body). The limit is what keeps a few
 * concurrent oversized requests from one signed-in user from filling a small heap.
 */
@QuarkusTest
class BodyLimitTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void anOversizedBodyIsRefusedAndChangesNothing() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        arrive(project, "1000.00").statusCode(201);
        String oversized = """
                {"amount":"10.00","spentOn":"2023-05-10","payee":"p","purpose":"%s"}""".formatted("运".repeat(100_000));
        as(TestTokens.deptUser(dept)).body(oversized).post("/api/projects/" + project + "/disbursements").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:body-too-large"), "field", equalTo("body"),
                        "limitBytes", equalTo(262_144), "detail", containsString("at most 262144 bytes (256 KB)"));
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200)
                .body("total.spent", equalTo("0.00"));
        // without a Content-Length (chunked) the limit holds too: Quarkus stops reading at the limit, answers 413
        // and closes the connection, which a client still sending sees as a broken pipe
        assertEquals("refused", chunked(TestTokens.deptUser(dept), "/api/projects/" + project + "/disbursements", oversized));
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200)
                .body("total.spent", equalTo("0.00"));
        // a purpose at its limit (1,000 characters) is well within the body limit
        as(TestTokens.deptUser(dept)).body(oversized.replace("运".repeat(100_000), "运".repeat(1_000)))
                .post("/api/projects/" + project + "/disbursements").then().statusCode(201);
    }

    /** Sends the body in chunks, with no Content-Length, as a streaming client does: how the server took it. */
    private String chunked(String token, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 413 ? "refused" : "answered " + status;
        } catch (IOException closedWhileSending) {
            return "refused";
        }
    }
}
