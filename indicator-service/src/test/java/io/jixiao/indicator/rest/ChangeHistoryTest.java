package io.jixiao.indicator.rest;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** DESIGN §9 history: who changed an indicator or a template, when, from what to what, readable per object. */
@QuarkusTest
class ChangeHistoryTest {

    @Test
    void everyChangeOfAnIndicatorIsKeptWithWhoAndBothSides() {
        String dept = newDepartmentCode();
        String id = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"level1":"OUTPUT","level2":"QUANTITY","name":"受理企业诉求",
                 "direction":"GE","target":"2486","unit":"个","weight":"50","actualSource":"ENTERED"}""".formatted(dept));
        as(TestTokens.deptUser(dept)).body("{\"actual\":\"2273\"}").post("/api/indicators/" + id + "/actual").then()
                .statusCode(200);
        as(TestTokens.deptLead(dept)).body("{\"actual\":\"2486\",\"deviationReason\":\"补录12月数据\"}")
                .post("/api/indicators/" + id + "/actual").then().statusCode(200);

        as(TestTokens.reviewer()).get("/api/indicators/" + id + "/history").then().statusCode(200)
                .body("change", contains("defined", "actual", "actual"))
                .body("by", contains("user-" + dept.toLowerCase(), "user-" + dept.toLowerCase(), "lead-" + dept.toLowerCase()))
                .body("[0].before", nullValue())
                .body("[0].after.target", equalTo("2486"))
                .body("[1].before.actual", nullValue())
                .body("[1].after.actual", equalTo("2273"))
                .body("[2].before.actual", equalTo("2273"))
                .body("[2].after.actual", equalTo("2486"))
                .body("[2].after.deviationReason", equalTo("补录12月数据"));
        as(TestTokens.deptUser(newDepartmentCode())).get("/api/indicators/" + id + "/history").then().statusCode(404);
    }

    @Test
    void aTemplatesPublicationAndItsAssignmentsAreKept() {
        String dept = newDepartmentCode();
        as(TestTokens.reviewer()).body("{\"policy\":\"财预〔2020〕10号\",\"reason\":\"按国家模板\"}")
                .put("/api/departments/" + dept + "/years/2023/scoring-policy").then().statusCode(200);
        as(TestTokens.deptUser(dept)).get("/api/scoring-policies/财预〔2020〕10号/history").then().statusCode(200);
        as(TestTokens.deptUser(dept)).get("/api/departments/" + dept + "/years/2023/scoring-policy").then().statusCode(200)
                .body("[0].reason", equalTo("按国家模板")).body("[0].assignedBy", equalTo("reviewer"));
    }
}
