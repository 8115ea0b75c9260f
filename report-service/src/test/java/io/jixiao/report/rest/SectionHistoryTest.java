package io.jixiao.report.rest;

import static io.jixiao.report.Api.as;
import static io.jixiao.report.Api.newDepartmentCode;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** DESIGN §9 history: every version of a narrative section, who wrote it and when. */
@QuarkusTest
class SectionHistoryTest {

    @Test
    void eachRewriteOfASectionKeepsWhatItSaidBefore() {
        String dept = newDepartmentCode();
        String section = "/api/reports/" + dept + "/2023/sections/problems";
        as(TestTokens.deptUser(dept)).body("{\"text\":\"资金到位1327.19万元\"}").put(section).then().statusCode(200);
        as(TestTokens.deptLead(dept)).body("{\"text\":\"资金到位1327.18万元\"}").put(section).then().statusCode(200);
        as(TestTokens.reviewer()).get(section + "/history").then().statusCode(200)
                .body("change", contains("written", "rewritten"))
                .body("by", contains("user-" + dept.toLowerCase(), "lead-" + dept.toLowerCase()))
                .body("byDepartment", contains(dept, dept))
                .body("[0].before", nullValue())
                .body("[1].before.text", equalTo("资金到位1327.19万元"))
                .body("[1].after.text", equalTo("资金到位1327.18万元"));
        as(TestTokens.deptUser(newDepartmentCode())).get(section + "/history").then().statusCode(404);
    }
}
