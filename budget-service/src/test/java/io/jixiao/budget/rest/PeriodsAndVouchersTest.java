package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * DESIGN §9's periods and vouchers: money moves on a day of its project's fiscal year and not after today (in the
 * departments' time zone); a reversal is not dated before what it reverses; a voucher number is used once a
 * department-year, as people read it (full-width and half-width digits are the same number), until the
 * disbursement holding it is reversed. Names that must be unique are compared the same way.
 */
@QuarkusTest
class PeriodsAndVouchersTest {

    @Test
    void moneyMovesOnADayOfItsFiscalYearAndNotAfterToday() {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        arrive(project, "100000.00").statusCode(201);

        spend(dept, project, "2022-12-31", "记-1").statusCode(400).body("field", equalTo("spentOn"))
                .body("detail", containsString("outside 2023-01-01 – 2023-12-31"));
        spend(dept, project, "2024-01-01", "记-1").statusCode(400).body("field", equalTo("spentOn"));
        as(TestTokens.portal()).body("""
                {"amount":"1.00","arrivedOn":"2022-06-30"}""").post("/api/projects/" + project + "/arrivals")
                .then().statusCode(400).body("field", equalTo("arrivedOn"));
        as(TestTokens.portal()).body("""
                {"amount":"1.00","reason":"调整","adjustedOn":"2024-02-01"}""")
                .post("/api/projects/" + project + "/budget-adjustments").then().statusCode(400)
                .body("field", equalTo("adjustedOn"));

        // a project of this year: tomorrow, in Huaihua, is still in the future
        String current = currentYearProject(dept);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        if (tomorrow.getYear() == LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()) {
            as(TestTokens.portal()).body("{\"amount\":\"1.00\",\"arrivedOn\":\"" + tomorrow + "\"}")
                    .post("/api/projects/" + current + "/arrivals").then().statusCode(400)
                    .body("field", equalTo("arrivedOn")).body("detail", containsString("in the future"));
        }
        as(TestTokens.portal()).body("{\"amount\":\"1.00\",\"arrivedOn\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                + "\"}").post("/api/projects/" + current + "/arrivals").then().statusCode(201);

        String entry = spend(dept, project, "2023-06-01", "记-2").statusCode(201).extract().path("id");
        as(TestTokens.deptUser(dept)).body("{\"entryId\":\"" + entry + "\",\"reason\":\"错录\",\"reversedOn\":\"2023-05-31\"}")
                .post("/api/projects/" + project + "/reversals").then().statusCode(400)
                .body("field", equalTo("reversedOn")).body("detail", containsString("before the entry it reverses"));
        as(TestTokens.deptUser(dept)).body("{\"entryId\":\"" + entry + "\",\"reason\":\"错录\",\"reversedOn\":\"2023-06-01\"}")
                .post("/api/projects/" + project + "/reversals").then().statusCode(201);
    }

    @Test
    void aLineCarriedOverFromLastYearTakesArrivalsDatedThen() {
        String dept = newDepartment();
        String project = as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2023,"name":"结转项目","category":"CARRY_OVER",
                 "fundingLines":[{"name":"2022年结转","amount":"40000.00","carriedOverFromYear":2022}]}""".formatted(dept))
                .post("/api/projects").then().statusCode(201).extract().path("id");
        as(TestTokens.portal()).body("""
                {"amount":"40000.00","arrivedOn":"2022-11-30"}""").post("/api/projects/" + project + "/arrivals")
                .then().statusCode(201);
        as(TestTokens.portal()).body("""
                {"amount":"1.00","arrivedOn":"2021-12-31"}""").post("/api/projects/" + project + "/arrivals")
                .then().statusCode(400).body("field", equalTo("arrivedOn"));
    }

    @Test
    void aVoucherNumberIsUsedOnceADepartmentYearUntilItsDisbursementIsReversed() {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        String other = newProject(dept, "100000.00");
        arrive(project, "100000.00").statusCode(201);
        arrive(other, "100000.00").statusCode(201);

        String first = spend(dept, project, "2023-05-10", "记-0510").statusCode(201).extract().path("id");
        // the same number on another project of the year, written with full-width digits: the same voucher
        spend(dept, other, "2023-05-11", "记-０５１０").statusCode(409)
                .body("type", equalTo("urn:jixiao:problem:voucher-used"))
                .body("field", equalTo("voucherNumber"))
                .body("entryId", equalTo(first));
        // a number is taken for the whole department-year, whichever project uses it
        spend(dept, other, "2023-05-11", "记-0511").statusCode(201);
        spend(dept, project, "2023-05-12", "记-0511").statusCode(409).body("type", equalTo("urn:jixiao:problem:voucher-used"));

        as(TestTokens.deptUser(dept)).body("{\"entryId\":\"" + first + "\",\"reason\":\"金额错误\",\"reversedOn\":\"2023-05-12\"}")
                .post("/api/projects/" + project + "/reversals").then().statusCode(201);
        // the corrected disbursement carries the number again
        spend(dept, project, "2023-05-12", "记-0510").statusCode(201).body("reference", equalTo("记-0510"));
    }

    @Test
    void projectNamesAreUniqueAsPeopleReadThem() {
        String dept = newDepartment();
        register(dept, "信息化建设Ａ１期").statusCode(201).body("name", equalTo("信息化建设A1期"));
        register(dept, " 信息化建设A1期 ").statusCode(409).body("type", equalTo("urn:jixiao:problem:project-exists"));
    }

    private static ValidatableResponse register(String dept, String name) {
        return as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2023,"name":"%s","category":"OPENING_BUDGET","budget":"1000.00"}"""
                .formatted(dept, name)).post("/api/projects").then();
    }

    private static String currentYearProject(String dept) {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        return as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":%d,"name":"今年的项目","category":"OPENING_BUDGET","budget":"1000.00"}"""
                .formatted(dept, year)).post("/api/projects").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse spend(String dept, String project, String day, String voucher) {
        return as(TestTokens.deptUser(dept)).body("""
                {"amount":"100.00","spentOn":"%s","payee":"怀化某公司","purpose":"运维服务","voucherNumber":"%s"}"""
                .formatted(day, voucher)).post("/api/projects/" + project + "/disbursements").then();
    }
}
