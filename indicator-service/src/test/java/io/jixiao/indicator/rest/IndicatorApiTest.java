package io.jixiao.indicator.rest;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.awaitProjectKnown;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IndicatorApiTest {

    String dept;
    UUID project;

    @BeforeEach
    void aProject() {
        dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            project = feed.registerProject(dept, "怀化惠企通平台项目", Map.of("本年预算", "100000.00")).id();
        }
        awaitProjectKnown(dept, project);
    }

    @Test
    void outputRecordsAddUpToARateAndCorrectionsAreNewRecords() {
        // the seed: 2486 requests received, 2273 resolved → 91.43%
        String rate = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"OUTPUT","level2":"QUALITY",
                 "name":"问题办结率","direction":"GE","target":"90","unit":"%%","weight":"10",
                 "actualSource":"OUTPUT_RECORDS"}""".formatted(dept, project));
        String first = record(rate, """
                {"recordedOn":"2023-06-30","numerator":"1100","denominator":"1200","note":"上半年"}""");
        record(rate, """
                {"recordedOn":"2023-12-31","numerator":"1183","denominator":"1286","note":"下半年"}""");
        // a correction: ten of the first half's were counted twice
        record(rate, """
                {"recordedOn":"2024-01-05","numerator":"-10","denominator":"0","correctsRecordId":"%s"}""".formatted(first));

        as(TestTokens.reviewer()).get("/api/indicators/" + rate).then().statusCode(200)
                .body("numerator", equalTo("2273"))
                .body("denominator", equalTo("2486"))
                .body("actual", equalTo("91.43201931"))
                .body("actualSource", equalTo("OUTPUT_RECORDS"));
        as(TestTokens.deptUser(dept)).get("/api/indicators/" + rate + "/output-records").then().statusCode(200)
                .body("$", hasSize(3)).body("[2].correctsRecordId", equalTo(first));

        as(TestTokens.deptUser(dept)).body("""
                {"recordedOn":"2023-12-31","quantity":"5"}""").post("/api/indicators/" + rate + "/output-records")
                .then().statusCode(400).body("field", equalTo("quantity"));
        // dates and texts the database could not store are bad input, named
        as(TestTokens.deptUser(dept)).body("""
                {"recordedOn":"+10000000-12-31","numerator":"1","denominator":"2"}""")
                .post("/api/indicators/" + rate + "/output-records")
                .then().statusCode(400).body("field", equalTo("recordedOn"));
        as(TestTokens.deptUser(dept)).body("""
                {"recordedOn":"2023-12-31","numerator":"1","denominator":"2","note":"上半年\\u0000"}""")
                .post("/api/indicators/" + rate + "/output-records")
                .then().statusCode(400).body("field", equalTo("note"));
        as(TestTokens.deptUser(dept)).get("/api/indicators/" + rate + "/output-records").then().statusCode(200)
                .body("$", hasSize(3));
    }

    @Test
    void quantitiesAddUp() {
        String visits = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"level1":"OUTPUT","level2":"QUANTITY","name":"现场办公次数",
                 "direction":"GE","target":"80","unit":"次","weight":"10","actualSource":"OUTPUT_RECORDS"}""".formatted(dept));
        record(visits, """
                {"recordedOn":"2023-03-31","quantity":"35"}""");
        record(visits, """
                {"recordedOn":"2023-09-30","quantity":"47"}""");
        as(TestTokens.deptUser(dept)).get("/api/indicators/" + visits).then().body("actual", equalTo("82"));
    }

    @Test
    void aLedgerActualCannotBeTypedButItsDeviationReasonCan() {
        String cost = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"COST","level2":"ECONOMIC_COST",
                 "name":"怀化惠企通平台项目","direction":"LE","target":"10","unit":"万元","weight":"10",
                 "actualSource":"LEDGER","ledgerMeasure":"SPENT"}""".formatted(dept, project));
        as(TestTokens.deptUser(dept)).body("""
                {"actual":"9.5"}""").post("/api/indicators/" + cost + "/actual").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("actual"))
                .body("detail", containsString("the ledger"));
        as(TestTokens.deptUser(dept)).body("""
                {"deviationReason":"平台二期延至2024年","remedy":"加快验收"}""").post("/api/indicators/" + cost + "/actual")
                .then().statusCode(200)
                .body("deviationReason", equalTo("平台二期延至2024年"))
                .body("actual", equalTo("0"));
    }

    @Test
    void aQualitativeScoreMustLieInItsTier() {
        String satisfaction = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"level1":"SATISFACTION","level2":"SERVICE_OBJECT",
                 "name":"服务对象满意度","direction":"QUALITATIVE","targetText":"95%%以上","weight":"10",
                 "actualSource":"ENTERED"}""".formatted(dept));
        as(TestTokens.deptLead(dept)).body("""
                {"qualitativeTier":"ACHIEVED","qualitativeScore":"7.5"}""")
                .post("/api/indicators/" + satisfaction + "/actual").then().statusCode(400)
                .body("field", equalTo("qualitativeScore"))
                .body("detail", containsString("ACHIEVED"));
        as(TestTokens.deptLead(dept)).body("""
                {"qualitativeTier":"ACHIEVED","qualitativeScore":"9.5","actualText":"服务对象满意度95%以上"}""")
                .post("/api/indicators/" + satisfaction + "/actual").then().statusCode(200)
                .body("qualitativeScore", equalTo("9.5"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            level2 not under level1       | "level1":"BENEFIT","level2":"QUANTITY","direction":"GE","target":"1","actualSource":"ENTERED"                 | level2
            qualitative with a target     | "level1":"OUTPUT","level2":"QUALITY","direction":"QUALITATIVE","target":"1","actualSource":"ENTERED"         | target
            numeric without a target      | "level1":"OUTPUT","level2":"QUALITY","direction":"GE","actualSource":"ENTERED"                                | target
            cost line in a non-money unit | "level1":"COST","level2":"ECONOMIC_COST","direction":"LE","target":"1","unit":"个","actualSource":"LEDGER","ledgerMeasure":"SPENT" | unit
            cost line as a floor          | "level1":"COST","level2":"ECONOMIC_COST","direction":"GE","target":"1","unit":"万元","actualSource":"LEDGER","ledgerMeasure":"SPENT" | direction
            ledger without a measure      | "level1":"COST","level2":"ECONOMIC_COST","direction":"LE","target":"1","unit":"万元","actualSource":"LEDGER" | ledgerMeasure
            weight over 100               | "level1":"OUTPUT","level2":"QUALITY","direction":"GE","target":"1","weight":"100.5","actualSource":"ENTERED" | weight
            unknown direction             | "level1":"OUTPUT","level2":"QUALITY","direction":"MORE","target":"1","actualSource":"ENTERED"                | direction
            """)
    void anInconsistentIndicatorIsRefusedNamingTheField(String why, String fields, String field) {
        String body = "{\"departmentCode\":\"" + dept + "\",\"fiscalYear\":2023,\"projectId\":\"" + project
                + "\",\"name\":\"x\"," + (fields.contains("\"weight\"") ? "" : "\"weight\":\"10\",") + fields + "}";
        as(TestTokens.deptUser(dept)).body(body).post("/api/indicators").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
        as(TestTokens.deptUser(dept)).queryParam("department", dept).queryParam("year", 2023)
                .get("/api/indicators").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anotherDepartmentNeitherSeesNorWrites() {
        String indicator = define(dept, """
                {"departmentCode":"%s","fiscalYear":2023,"level1":"OUTPUT","level2":"QUANTITY","name":"调查研究次数",
                 "direction":"GE","target":"100","unit":"次","weight":"10","actualSource":"ENTERED"}""".formatted(dept));
        String other = newDepartmentCode();
        as(TestTokens.deptUser(other)).get("/api/indicators/" + indicator).then().statusCode(404);
        as(TestTokens.deptUser(other)).queryParam("department", dept).queryParam("year", 2023)
                .get("/api/indicators").then().statusCode(404);
        as(TestTokens.deptUser(other)).body("""
                {"actual":"1"}""").post("/api/indicators/" + indicator + "/actual").then().statusCode(404);
        as(TestTokens.deptUser(other)).body("""
                {"departmentCode":"%s","fiscalYear":2023,"level1":"OUTPUT","level2":"QUANTITY","name":"x",
                 "direction":"GE","target":"1","weight":"1","actualSource":"ENTERED"}""".formatted(dept))
                .post("/api/indicators").then().statusCode(400).body("field", equalTo("departmentCode"));
        as(TestTokens.deptUser(other)).post("/api/departments/" + dept + "/years/2023/score").then().statusCode(404);
        // a reviewer reads everything and writes nothing
        as(TestTokens.reviewer()).get("/api/indicators/" + indicator).then().statusCode(200);
        as(TestTokens.reviewer()).body("""
                {"actual":"1"}""").post("/api/indicators/" + indicator + "/actual").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/indicators/" + indicator).then().statusCode(401);
    }

    @Test
    void goalsAreListedInOrder() {
        for (String text : new String[] { "聚焦新型制造业产业链高质量发展", "推进“五好”园区建设" }) {
            as(TestTokens.deptUser(dept)).body("""
                    {"departmentCode":"%s","fiscalYear":2023,"text":"%s"}""".formatted(dept, text))
                    .post("/api/goals").then().statusCode(201);
        }
        as(TestTokens.reviewer()).queryParam("department", dept).queryParam("year", 2023).get("/api/goals")
                .then().statusCode(200).body("text", contains("聚焦新型制造业产业链高质量发展", "推进“五好”园区建设"));
    }

    private String record(String indicator, String body) {
        return as(TestTokens.deptUser(dept)).body(body).post("/api/indicators/" + indicator + "/output-records")
                .then().statusCode(201).extract().path("id");
    }
}
