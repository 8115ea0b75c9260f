package io.jixiao.report.rest;

import static io.jixiao.report.Api.as;
import static io.jixiao.report.Api.awaitReport;
import static io.jixiao.report.Api.newDepartmentCode;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.jixiao.report.DepartmentYearFeed;
import io.quarkus.test.junit.QuarkusTest;

/** draft → submitted → returned | accepted → published, with frozen versions and a recorded history. */
@QuarkusTest
class ReportWorkflowTest {

    @Test
    void fromDraftToPublishedWithFrozenVersions() {
        String dept = newDepartmentCode();
        String base = "/api/reports/" + dept + "/2023";
        try (DepartmentYearFeed feed = new DepartmentYearFeed(dept)) {
            feed.money().targets();
            awaitReport(dept, r -> r.getList("indicators").size() == 6 && "46.00".equals(r.getString("totals.spent")));

            // not scored yet: a blocking finding stops submission
            as(TestTokens.deptLead(dept)).post(base + "/submit").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:jixiao:problem:blocking-findings"))
                    .body("findings.code", hasItem("SCORE_MISSING"));
            // a department user may not submit; only the lead
            as(TestTokens.deptUser(dept)).post(base + "/submit").then().statusCode(403);

            feed.scored("99.39", "优", List.of("OVER_ACHIEVEMENT"));
            awaitReport(dept, r -> r.getString("score.grade") != null);
            as(TestTokens.deptLead(dept)).post(base + "/submit").then().statusCode(409)
                    .body("findings.code", hasItem("OVER_ACHIEVEMENT"));
            // the department gives the deviation reason (through indicator-service; here its event)
            feed.actual(feed.indicators.get("新增规模工业企业"), null, "122", "ENTERED", "新进规模企业143家，超额完成");
            awaitReport(dept, r -> r.getList("findings.findAll { it.severity == 'BLOCKING' }").isEmpty());

            as(TestTokens.deptLead(dept)).post(base + "/submit").then().statusCode(200)
                    .body("number", equalTo(1)).body("status", equalTo("SUBMITTED"));
            String frozen = as(TestTokens.reviewer()).get(base + "/versions/1/report.json").then().statusCode(200)
                    .extract().asString();
            // the reviewers' queue lists it, waiting; a department's staff have no queue
            as(TestTokens.reviewer()).queryParam("year", 2023).queryParam("status", "SUBMITTED").get("/api/reports")
                    .then().statusCode(200)
                    .body("find { it.departmentCode == '" + dept + "' }.latestVersion", equalTo(1))
                    .body("find { it.departmentCode == '" + dept + "' }.status", equalTo("SUBMITTED"));
            as(TestTokens.reviewer()).queryParam("year", 2023).queryParam("status", "RETURNED").get("/api/reports")
                    .then().statusCode(200).body("departmentCode", not(hasItem(dept)));
            as(TestTokens.reviewer()).queryParam("year", 2023).queryParam("status", "WAITING").get("/api/reports")
                    .then().statusCode(400).body("field", equalTo("status"));
            as(TestTokens.reviewer()).get("/api/reports").then().statusCode(400).body("field", equalTo("year"));
            as(TestTokens.deptLead(dept)).queryParam("year", 2023).get("/api/reports").then().statusCode(403);
            // the sections a department writes, in the report's order, as the console lists them
            as(TestTokens.deptUser(dept)).get("/api/reports/sections").then().statusCode(200)
                    .body("[0].key", equalTo("background")).body("[0].heading", equalTo("1.项目决策背景"))
                    .body("key", hasItem("problems"));

            // money moves after submission: the draft changes, version 1 does not
            feed.budget.spend(feed.safety.line("本年预算"), "1000.00");
            awaitReport(dept, r -> "46.10".equals(r.getString("totals.spent")));
            assertEquals(frozen, as(TestTokens.reviewer()).get(base + "/versions/1/report.json").then().extract().asString());
            assertNotEquals(frozen, as(TestTokens.reviewer()).get(base + "/report.json").then().extract().asString());

            // while submitted the department cannot edit; the reviewer returns it with a comment
            as(TestTokens.deptUser(dept)).body("{\"text\":\"x\"}").put(base + "/sections/problems").then().statusCode(409);
            as(TestTokens.reviewer()).body("{}").post(base + "/return").then().statusCode(400).body("field", equalTo("comment"));
            as(TestTokens.reviewer()).body("{\"comment\":\"请补充资金管理制度执行情况\"}").post(base + "/return")
                    .then().statusCode(200).body("to", equalTo("RETURNED"));
            as(TestTokens.deptUser(dept)).body("{\"text\":\"严格执行《专项资金管理办法》\"}").put(base + "/sections/fund-management")
                    .then().statusCode(200);
            // money moved since the year was scored: the score and the cost line's actual were computed on the
            // ledger before it, so the report cannot go in until the year is scored again
            as(TestTokens.deptLead(dept)).post(base + "/submit").then().statusCode(409)
                    .body("findings.code", hasItem("SCORE_LEDGER_BEHIND"))
                    .body("findings.code", hasItem("LEDGER_ACTUAL_BEHIND"))
                    .body("findings.find { it.subject == 'executionRate' }.stated", equalTo("93.88"))
                    .body("findings.find { it.subject == 'executionRate' }.computed", equalTo("94.08"));
            feed.actual(feed.indicators.get("安全生产工作经费"), feed.safety.id(), "14.1", "LEDGER", null);
            feed.scored("99.41", "优", List.of(), "94.08");
            awaitReport(dept, r -> r.getList("findings.findAll { it.severity == 'BLOCKING' }").isEmpty());
            // submitted by one who now also reviews: someone else must accept it (DESIGN §9)
            String submitter = "lead-" + dept.toLowerCase();
            as(TestTokens.deptLead(dept)).post(base + "/submit").then().statusCode(200).body("number", equalTo(2));
            as(TestTokens.token(submitter, null, "finance-reviewer")).post(base + "/accept").then().statusCode(403)
                    .body("type", equalTo("urn:jixiao:problem:separation-of-duties"));
            as(TestTokens.admin()).post(base + "/accept").then().statusCode(403);

            // the portal sees nothing until it is published
            as(TestTokens.portal()).get(base + "/published/report.docx").then().statusCode(404);
            as(TestTokens.portal()).get(base + "/versions").then().statusCode(404);
            as(TestTokens.deptLead(dept)).post(base + "/accept").then().statusCode(403);
            as(TestTokens.reviewer()).post(base + "/publish").then().statusCode(409)
                    .body("type", equalTo("urn:jixiao:problem:wrong-status"));
            as(TestTokens.reviewer()).body("{\"comment\":\"同意\"}").post(base + "/accept").then().statusCode(200);
            as(TestTokens.reviewer()).post(base + "/publish").then().statusCode(200).body("to", equalTo("PUBLISHED"));

            as(TestTokens.portal()).get(base + "/published/report.docx").then().statusCode(200)
                    .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            as(TestTokens.portal()).get(base + "/versions").then().statusCode(200).body("number", contains(2));
            as(TestTokens.portal()).get(base + "/versions/1/report.json").then().statusCode(404);
            as(TestTokens.portal()).get(base).then().statusCode(403);

            // acceptance closed the year's money (budget-service reads report.events); a reviewer reopens it, saying why
            as(TestTokens.reviewer()).body("{}").post(base + "/reopen").then().statusCode(400).body("field", equalTo("reason"));
            as(TestTokens.deptLead(dept)).body("{\"reason\":\"x\"}").post(base + "/reopen").then().statusCode(403);
            as(TestTokens.reviewer()).body("{\"reason\":\"补录12月支出\"}").post(base + "/reopen").then().statusCode(200)
                    .body("to", equalTo("RETURNED"));
            try (io.jixiao.infra.TopicReader topic = new io.jixiao.infra.TopicReader(
                    io.jixiao.report.ReportTestResources.infrastructure().kafkaBootstrapServers(), "report.events")) {
                var records = topic.awaitRecords(dept + "/2023", 2, java.time.Duration.ofSeconds(30));
                assertEquals(java.util.List.of("jixiao.report.DepartmentYearClosed.v1", "jixiao.report.DepartmentYearReopened.v1"),
                        records.stream().map(r -> io.jixiao.infra.TopicReader.header(r, "ce_type")).toList());
                assertEquals(true, records.get(1).value().contains("补录12月支出"));
            }

            as(TestTokens.deptUser(dept)).get(base + "/history").then().statusCode(200)
                    .body("to", contains("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED", "PUBLISHED", "RETURNED"))
                    .body("actor", contains("lead-" + dept.toLowerCase(), "reviewer", "lead-" + dept.toLowerCase(),
                            "reviewer", "reviewer", "reviewer"))
                    .body("[1].comment", equalTo("请补充资金管理制度执行情况"))
                    .body("[0].actorDepartment", equalTo(dept));
        }
    }

    @Test
    void anIndicatorWithoutAnActualBlocksSubmissionUntilItHasOne() {
        String dept = newDepartmentCode();
        String base = "/api/reports/" + dept + "/2023";
        try (DepartmentYearFeed feed = new DepartmentYearFeed(dept)) {
            feed.money().targets(false).scored("89.39", "良", List.of());
            awaitReport(dept, r -> r.getList("indicators").size() == 6 && r.getString("score.grade") != null);
            // it would score 0 unnoticed: the report names it and the lead cannot submit
            as(TestTokens.deptLead(dept)).post(base + "/submit").then().statusCode(409)
                    .body("type", equalTo("urn:jixiao:problem:blocking-findings"))
                    .body("findings.code", contains("INDICATOR_WITHOUT_ACTUAL"))
                    .body("findings[0].message", containsString("'服务对象满意度' has no actual value"));

            feed.actual(feed.indicators.get("服务对象满意度"), null, "96", "ENTERED", null);
            awaitReport(dept, r -> r.getList("findings.findAll { it.severity == 'BLOCKING' }").isEmpty());
            as(TestTokens.deptLead(dept)).post(base + "/submit").then().statusCode(200).body("number", equalTo(1));
        }
    }

    @Test
    void anotherDepartmentSeesNoReportAndAnUnknownSectionIsRefused() {
        String dept = newDepartmentCode();
        String base = "/api/reports/" + dept + "/2023";
        as(TestTokens.deptUser(newDepartmentCode())).get(base).then().statusCode(404);
        as(TestTokens.deptUser(newDepartmentCode())).body("{\"text\":\"x\"}").put(base + "/sections/problems")
                .then().statusCode(404);
        as(TestTokens.deptUser(dept)).body("{\"text\":\"x\"}").put(base + "/sections/nonsense").then().statusCode(400)
                .body("field", equalTo("sectionKey")).body("detail", containsString("fund-management"));
        as(TestTokens.deptUser(dept)).get(base + "/report.pdf").then().statusCode(404);
        io.restassured.RestAssured.given().get(base).then().statusCode(401);
        as(TestTokens.admin()).get(base + "/versions").then().statusCode(404);
        as(TestTokens.reviewer()).get(base + "/history").then().statusCode(200).body("$", hasSize(0));
    }

    /** The longest section fits the body limit even with every character escaped; a larger body is refused. */
    @Test
    void aFullLengthSectionIsTakenAndALargerBodyIsRefused() {
        String dept = newDepartmentCode();
        String section = "/api/reports/" + dept + "/2023/sections/problems";
        // 20,000 characters, each sent as a six-byte JSON escape (as a strict-ASCII client does): 120 KB
        String escapedJi = "\\" + "u7ee9";
        String escaped = escapedJi.repeat(20_000);
        as(TestTokens.deptUser(dept)).body("{\"text\":\"" + escaped + "\"}").put(section).then().statusCode(200);
        as(TestTokens.deptUser(dept)).get("/api/reports/" + dept + "/2023").then().statusCode(200)
                .body("narrative.problems.length()", equalTo(20_000));
        as(TestTokens.deptUser(dept)).body("{\"text\":\"" + escaped + escapedJi + "\"}").put(section).then().statusCode(400)
                .body("field", equalTo("text"));
        // over the 256 KB limit: refused before it is read, and the section keeps its text
        as(TestTokens.deptUser(dept)).body("{\"text\":\"" + "x".repeat(300_000) + "\"}").put(section).then()
                .statusCode(413).contentType("application/problem+json").body("field", equalTo("body"));
        as(TestTokens.deptUser(dept)).get("/api/reports/" + dept + "/2023").then()
                .body("narrative.problems", equalTo("绩".repeat(20_000)));
    }
}
