package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A body over quarkus.http.limits.max-body-size (256 KB) is refused before it is read. Under Quarkus'
 * default (10 MB) eight concurrent 9 MB disbursements from one signed-in user ran budget-service's 64 MB
 * heap out of memory.
 */
@QuarkusTest
class BodyLimitTest {

    @Test
    void anOversizedBodyIsRefusedAndChangesNothing() {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        arrive(project, "1000.00").statusCode(201);
        String oversized = """
                {"amount":"10.00","spentOn":"2023-05-10","payee":"p","purpose":"%s"}""".formatted("运".repeat(100_000));
        as(TestTokens.deptUser(dept)).body(oversized).post("/api/projects/" + project + "/disbursements").then()
                .statusCode(413);
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200)
                .body("total.spent", equalTo("0.00"));
        // a purpose at its limit (1,000 characters) is well within the body limit
        as(TestTokens.deptUser(dept)).body(oversized.replace("运".repeat(100_000), "运".repeat(1_000)))
                .post("/api/projects/" + project + "/disbursements").then().statusCode(201);
    }
}
