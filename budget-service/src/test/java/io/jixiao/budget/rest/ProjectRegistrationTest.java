package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class ProjectRegistrationTest {

    @Test
    void thePortalRegistersAProjectWhoseBudgetIsItsFundingLines() {
        String dept = newDepartment();
        // the seed's 智慧怀化工作经费: 34 万元 = 30 of this year's appropriation + 4 carried over from 2022
        String id = as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2023,"name":"智慧怀化工作经费","category":"MID_YEAR_ADJUSTMENT",
                 "fundSource":"市级一般公共预算财政拨款资金","legalBasis":"年中调整","paidOnBehalf":false,
                 "fundingLines":[{"name":"2023年预算","amount":"300000.00"},
                                 {"name":"2022年结转","amount":"40000.00","carriedOverFromYear":2022}]}""".formatted(dept))
                .post("/api/projects")
                .then().statusCode(201)
                .header("Location", containsString("/api/projects/"))
                .body("budget", equalTo("340000.00"))
                .body("fundingLines.name", contains("2023年预算", "2022年结转"))
                .body("fundingLines[1].carriedOverFromYear", equalTo(2022))
                .extract().path("id");

        as(TestTokens.deptUser(dept)).get("/api/projects/" + id)
                .then().statusCode(200)
                .body("name", equalTo("智慧怀化工作经费"))
                .body("category", equalTo("MID_YEAR_ADJUSTMENT"))
                .body("budget", equalTo("340000.00"));

        as(TestTokens.reviewer()).queryParam("department", dept).queryParam("year", 2023)
                .queryParam("category", "MID_YEAR_ADJUSTMENT")
                .get("/api/projects").then().statusCode(200)
                .body("id", contains(id));
        as(TestTokens.reviewer()).queryParam("department", dept).queryParam("category", "CARRY_OVER")
                .get("/api/projects").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aProjectWithoutAnAmountHasNoBudgetAndTakesNoMoney() {
        String dept = newDepartment();
        // the seed's two non-tax revenue projects state no amount
        String id = as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2023,"name":"非税收入拨款项目","category":"NON_TAX_REVENUE"}"""
                .formatted(dept))
                .post("/api/projects").then().statusCode(201)
                .body("budget", equalTo("0.00"))
                .body("fundingLines", hasSize(0))
                .extract().path("id");

        io.jixiao.budget.Fixtures.arrive(id, "100.00")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:no-budget"))
                .body("projectId", equalTo(id));
    }

    @Test
    void aBudgetThatDisagreesWithItsLinesIsRefusedAndNothingIsRegistered() {
        String dept = newDepartment();
        as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2023,"name":"19-20柔性引进工作补助","category":"MID_YEAR_ADJUSTMENT",
                 "budget":"80100.00",
                 "fundingLines":[{"name":"2023年预算","amount":"60000.00"},{"name":"2022年结转","amount":"20000.00"}]}"""
                .formatted(dept))
                .post("/api/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("budget"))
                .body("detail", containsString("80000.00"));

        as(TestTokens.portal()).queryParam("department", dept).get("/api/projects")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @ParameterizedTest(name = "{0} = {1} → 400 naming {2}")
    @CsvSource(delimiter = '|', value = {
            "budget | \"-5.00\" | budget",
            "budget | \"12.345\" | budget",
            "budget | \"1000000000000.01\" | budget",
            "budget | \"abc\" | budget",
            "category | \"SPECIAL\" | category",
            "fiscalYear | 1999 | fiscalYear",
            "name | \"\" | name",
            "departmentCode | null | departmentCode",
            "ammount | \"5.00\" | ammount" })
    void badInputIsRefusedWithAProblemNamingTheFieldAndChangesNothing(String field, String value, String named) {
        String dept = newDepartment();
        String body = """
                {"departmentCode":"%s","fiscalYear":2023,"name":"工业运行监测协调专项经费","category":"OPENING_BUDGET",
                 "budget":"110000.00"}""".formatted(dept);
        com.fasterxml.jackson.databind.node.ObjectNode json;
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(body);
            json.set(field, mapper.readTree(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        as(TestTokens.portal()).body(json.toString())
                .post("/api/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(named))
                .body("violations.field", hasItem(named));

        as(TestTokens.portal()).queryParam("department", dept).get("/api/projects")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anUnknownProjectIsNotFound() {
        as(TestTokens.portal()).get("/api/projects/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));
        io.jixiao.budget.Fixtures.arrive(UUID.randomUUID().toString(), "1.00").statusCode(404);
    }

    @Test
    void aProjectOfAnUnknownDepartmentIsRefused() {
        as(TestTokens.portal()).body("""
                {"departmentCode":"NOSUCHDEPT","fiscalYear":2023,"name":"x","category":"OPENING_BUDGET"}""")
                .post("/api/projects").then().statusCode(400)
                .body("field", equalTo("departmentCode"));
    }

    @Test
    void aDepartmentIsRegisteredOnce() {
        String dept = newDepartment();
        as(TestTokens.portal()).body("""
                {"code":"%s","name":"again"}""".formatted(dept))
                .post("/api/departments").then().statusCode(409)
                .body("type", equalTo("urn:jixiao:problem:department-exists"));
        as(TestTokens.deptUser(dept)).get("/api/departments/" + dept).then().statusCode(200)
                .body("name", equalTo("测试单位 " + dept));
    }

    @Test
    void theOpenApiDocumentIsPublished() {
        RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/projects/{projectId}/disbursements'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/departments/{code}/years/{year}/summary'.get", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aMissingBodyIsRefused() {
        as(TestTokens.portal()).post("/api/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"));
    }
}
