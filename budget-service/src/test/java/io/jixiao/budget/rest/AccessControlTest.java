package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.jixiao.budget.Fixtures.spend;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Roles per endpoint, and department isolation: another department's data does not exist for you. */
@QuarkusTest
class AccessControlTest {

    String dept;
    String otherDept;
    String project;
    String arrival;

    @BeforeEach
    void twoDepartments() {
        dept = newDepartment();
        otherDept = newDepartment();
        project = newProject(dept, "10000.00");
        arrival = arrive(project, "10000.00").statusCode(201).extract().path("id");
    }

    @Test
    void withoutAValidTokenNothingIsServed() {
        given().get("/api/projects/" + project).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/projects").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/departments").then().statusCode(401);
        String otherIssuer = io.smallrye.jwt.build.Jwt.claims().subject("x").issuer("https://evil.example.com")
                .audience("jixiao-services").claim("realm_access", java.util.Map.of("roles", java.util.List.of("admin")))
                .jws().keyId("1").sign();
        given().auth().oauth2(otherIssuer).get("/api/departments").then().statusCode(401);
    }

    @Test
    void anotherDepartmentsProjectIsNotFoundForReadsAndWrites() {
        String stranger = TestTokens.deptUser(otherDept);
        for (String path : new String[] { "", "/ledger", "/balance", "/budget-adjustments" }) {
            as(stranger).get("/api/projects/" + project + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as(stranger).get("/api/departments/" + dept).then().statusCode(404);
        as(stranger).get("/api/departments/" + dept + "/years/2023/summary").then().statusCode(404);
        as(stranger).get("/api/departments/" + dept + "/years/2023/declared-figures").then().statusCode(404);
        as(stranger).queryParam("department", dept).get("/api/projects").then().statusCode(200).body("$", hasSize(0));
        as(stranger).get("/api/departments").then().statusCode(200).body("code", not(hasItem(dept)));
        // a department role without a department claim sees no department at all, whatever it asks for
        String unassigned = TestTokens.token("unassigned", null, "dept-user");
        as(unassigned).queryParam("department", dept).get("/api/projects").then().statusCode(200).body("$", hasSize(0));
        as(unassigned).get("/api/projects/" + project).then().statusCode(404);

        spend(otherDept, project, "1.00").statusCode(404);
        as(TestTokens.deptLead(otherDept)).body("""
                {"entryId":"%s","reason":"x","reversedOn":"2023-06-01"}""".formatted(arrival))
                .post("/api/projects/" + project + "/reversals").then().statusCode(404);

        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200)
                .body("total.spent", equalTo("0.00"));
    }

    @Test
    void theOwnDepartmentSeesAndSpendsItsMoney() {
        as(TestTokens.deptUser(dept)).get("/api/projects/" + project).then().statusCode(200);
        as(TestTokens.deptUser(dept)).get("/api/projects").then().statusCode(200).body("id", hasItem(project));
        spend(dept, project, "10.00").statusCode(201);
        as(TestTokens.deptLead(dept)).body("""
                {"amount":"5.00","spentOn":"2023-05-10","payee":"p","purpose":"q"}""")
                .post("/api/projects/" + project + "/disbursements").then().statusCode(201);
    }

    @Test
    void eachRoleMayOnlyDoItsOwnWrites() {
        String spendBody = """
                {"amount":"1.00","spentOn":"2023-05-10","payee":"p","purpose":"q"}""";
        String arriveBody = """
                {"amount":"1.00","arrivedOn":"2023-05-10"}""";
        // the department spends; it does not register, approve or record arrivals
        as(TestTokens.deptUser(dept)).body(arriveBody).post("/api/projects/" + project + "/arrivals").then().statusCode(403);
        as(TestTokens.deptLead(dept)).body("""
                {"code":"XX","name":"x"}""").post("/api/departments").then().statusCode(403);
        as(TestTokens.deptUser(dept)).body("""
                {"amount":"1.00","reason":"r","adjustedOn":"2023-01-01"}""")
                .post("/api/projects/" + project + "/budget-adjustments").then().statusCode(403);
        // the portal and the reviewer do not spend a department's money
        as(TestTokens.portal()).body(spendBody).post("/api/projects/" + project + "/disbursements").then().statusCode(403);
        as(TestTokens.reviewer()).body(spendBody).post("/api/projects/" + project + "/disbursements").then().statusCode(403);
        as(TestTokens.reviewer()).body(arriveBody).post("/api/projects/" + project + "/arrivals").then().statusCode(403);
        // a token without any of our roles
        as(TestTokens.token("nobody", dept, "offline_access")).get("/api/projects/" + project).then().statusCode(403);
        // the admin runs the platform: it moves no money (DESIGN §9, separation of duties)
        as(TestTokens.admin()).body(spendBody).post("/api/projects/" + project + "/disbursements").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:jixiao:problem:forbidden"));
    }
}
