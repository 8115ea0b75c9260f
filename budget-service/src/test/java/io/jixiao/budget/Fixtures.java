package io.jixiao.budget;

import io.jixiao.infra.TestTokens;

import static io.restassured.RestAssured.given;

import java.util.Locale;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Sets up departments and projects through the public API, as the portal does. */
public final class Fixtures {

    /** A department of its own for each test, so tests never see each other's money. */
    public static String newDepartment() {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        as(TestTokens.portal()).body("""
                {"code":"%s","name":"测试单位 %s"}""".formatted(code, code))
                .post("/api/departments").then().statusCode(201);
        return code;
    }

    /** A project with one funding line of the given budget (yuan). */
    public static String newProject(String department, String budget) {
        return as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2023,"name":"项目 %s","category":"OPENING_BUDGET",
                 "fundSource":"市级一般公共预算财政拨款","budget":"%s"}""".formatted(department, UUID.randomUUID(), budget))
                .post("/api/projects").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse arrive(String projectId, String amount) {
        return as(TestTokens.portal()).body("""
                {"amount":"%s","arrivedOn":"2023-03-01","source":"市财政局","reference":"指标文号-1"}""".formatted(amount))
                .post("/api/projects/" + projectId + "/arrivals").then();
    }

    public static ValidatableResponse spend(String department, String projectId, String amount) {
        return as(TestTokens.deptUser(department)).body("""
                {"amount":"%s","spentOn":"2023-05-10","payee":"怀化某公司","purpose":"运维服务","voucherNumber":"记-%s"}"""
                .formatted(amount, UUID.randomUUID()))
                .post("/api/projects/" + projectId + "/disbursements").then();
    }

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

    private Fixtures() {
    }
}
