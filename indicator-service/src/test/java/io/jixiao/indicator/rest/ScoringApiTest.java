package io.jixiao.indicator.rest;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;


import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScoringApiTest {

    @Test
    void weightsThatDoNotAddUpStopScoringAndTheScoreKeepsItsPolicy() {
        String dept = newDepartmentCode();
        achieved(dept, "OUTPUT", "QUANTITY", "48", "100", "100");
        achieved(dept, "BENEFIT", "SOCIAL", "30", "100", "100");
        achieved(dept, "SATISFACTION", "SERVICE_OBJECT", "10", "95", "96");

        as(TestTokens.deptLead(dept)).post("/api/departments/" + dept + "/years/2023/score").then().statusCode(409)
                .contentType("application/problem+json")
                .body("field", equalTo("weight"))
                .body("problems", hasItem(containsString("OUTPUT indicators' weights add up to 48")));

        achieved(dept, "OUTPUT", "TIMELINESS", "2", "1", "1");
        // every indicator met, but no money registered: the execution line's 10 points are not earned → 90.00, 优
        as(TestTokens.deptLead(dept)).post("/api/departments/" + dept + "/years/2023/score").then().statusCode(200)
                .body("total", equalTo("90.00"))
                .body("grade", equalTo("优"))
                .body("policy", equalTo("财预〔2020〕10号"));
        as(TestTokens.reviewer()).get("/api/departments/" + dept + "/years/2023/score").then().statusCode(200)
                .body("grade", equalTo("优"));

        // the department being evaluated does not choose its template; a finance reviewer assigns it (DESIGN §9)
        as(TestTokens.admin()).body(policyJson("严格版")).post("/api/scoring-policies").then().statusCode(201);
        String assignment = "/api/departments/" + dept + "/years/2023/scoring-policy";
        as(TestTokens.deptLead(dept)).body("{\"policy\":\"严格版\"}").put(assignment).then().statusCode(403);
        as(TestTokens.admin()).body("{\"policy\":\"严格版\"}").put(assignment).then().statusCode(403);
        as(TestTokens.reviewer()).body("{\"policy\":\"没有这个模板\"}").put(assignment).then().statusCode(404);
        as(TestTokens.reviewer()).body("{\"policy\":\"严格版\",\"reason\":\"本市专项资金按严格版评分\"}").put(assignment)
                .then().statusCode(200).body("policy", equalTo("严格版")).body("assignedBy", equalTo("reviewer"));
        as(TestTokens.deptLead(dept)).post("/api/departments/" + dept + "/years/2023/score").then().statusCode(200)
                .body("policy", equalTo("严格版"));
        as(TestTokens.deptUser(dept)).get(assignment).then().statusCode(200)
                .body("[0].policy", equalTo("严格版")).body("[0].reason", equalTo("本市专项资金按严格版评分"));
    }

    @Test
    void theLatestScoreReadsBackAsItWasComputedEvenWithAQuotientsDigits() {
        String dept = newDepartmentCode();
        // a third of the target: the line's score is 50 × 1/3, a quotient with more digits than any client may send
        achieved(dept, "OUTPUT", "QUANTITY", "50", "3", "1");
        achieved(dept, "BENEFIT", "SOCIAL", "30", "100", "100");
        achieved(dept, "SATISFACTION", "SERVICE_OBJECT", "10", "95", "96");
        String computed = as(TestTokens.deptLead(dept)).post("/api/departments/" + dept + "/years/2023/score").then()
                .statusCode(200).extract().path("total");
        as(TestTokens.deptUser(dept)).get("/api/departments/" + dept + "/years/2023/score").then().statusCode(200)
                .body("total", equalTo(computed));
    }

    @Test
    void policiesAreDataThatOnlyAdminsAddAndThatMustAddUp() {
        as(TestTokens.deptUser("HHGXJ")).get("/api/scoring-policies").then().statusCode(200)
                .body("name", hasItem("财预〔2020〕10号"));
        as(TestTokens.deptLead("HHGXJ")).body(policyJson("x")).post("/api/scoring-policies").then().statusCode(403);
        as(TestTokens.admin()).body(policyJson("坏的").replace("\"OUTPUT\":50", "\"OUTPUT\":40"))
                .post("/api/scoring-policies").then().statusCode(400)
                .body("field", equalTo("groupWeights"))
                .body("detail", containsString("add up to 90"));
    }

    /** Defines a typed {@code >=} indicator and enters its actual value. */
    private static void achieved(String dept, String level1, String level2, String weight, String target, String actual) {
        String id = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"level1":"%s","level2":"%s","name":"%s",
                 "direction":"GE","target":"%s","unit":"个","weight":"%s","actualSource":"ENTERED"}"""
                .formatted(dept, level1, level2, level2, target, weight));
        as(TestTokens.deptUser(dept)).body("{\"actual\":\"" + actual + "\"}").post("/api/indicators/" + id + "/actual")
                .then().statusCode(200);
    }

    private static String policyJson(String name) {
        return """
                {"name":"%s","groupWeights":{"EXECUTION_RATE":10,"OUTPUT":50,"BENEFIT":30,"SATISFACTION":10},
                 "reverseRule":"RATIO",
                 "qualitativeTiers":{"ACHIEVED":{"min":0.9,"max":1,"maxInclusive":true},
                   "PARTLY_ACHIEVED":{"min":0.6,"max":0.9,"maxInclusive":false},
                   "NOT_ACHIEVED":{"min":0,"max":0.6,"maxInclusive":false}},
                 "gradeBands":[{"grade":"优","minimum":90},{"grade":"良","minimum":80},{"grade":"中","minimum":60},
                   {"grade":"差","minimum":0}],
                 "executionExplanationBelow":90,"overAchievementExplanationAt":30}""".formatted(name);
    }
}
