package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.demo.Http;

/**
 * The web console in a real browser (headless Chromium), through the real Keycloak sign-in page, against the real
 * services: a department's year from its first disbursement to its published report, as the people of DESIGN §1
 * do it. Each step saves a screenshot under target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleTest {

    private static final String PASSWORD = System.getenv().getOrDefault("JIXIAO_TEST_USER_PASSWORD", "jixiao-test");
    private static final String PORTAL_SECRET = System.getenv().getOrDefault("JIXIAO_PORTAL_CLIENT_SECRET",
            "portal-test-secret");
    private static final String DEPARTMENT = "HHGXJ";
    private static final int YEAR = Platform.CONSOLE_YEAR;
    private static final String HOME = "/departments/" + DEPARTMENT + "/" + YEAR;

    static Platform platform;
    static String console;
    static Path screenshots;
    static String projectId;
    static String indicatorId;
    static String countedIndicatorId;

    @BeforeAll
    static void aFundedProjectWithAnIndicator() throws InterruptedException {
        platform = Platform.get();
        console = platform.console.baseUrl();
        screenshots = platform.root.resolve("e2e-tests/target/screenshots");
        String budget = platform.budget.baseUrl();
        String portal = Http.token(platform.keycloak.tokenEndpoint(), Map.of("grant_type", "client_credentials",
                "client_id", "finance-portal", "client_secret", PORTAL_SECRET));
        int registered = Http.post(budget + "/api/departments", portal,
                "{\"code\":\"HHGXJ\",\"name\":\"怀化市工业和信息化局\"}").status();
        assertTrue(registered == 201 || registered == 409, "department: " + registered);
        Http.Reply project = Http.post(budget + "/api/projects", portal, """
                {"departmentCode":"HHGXJ","fiscalYear":%d,"name":"中小企业服务平台运维","category":"OPENING_BUDGET",
                 "fundingLines":[{"name":"本年财政拨款","amount":"100000.00"}]}""".formatted(YEAR));
        assertEquals(201, project.status(), project.body());
        projectId = project.json().get("id").asText();
        String line = project.json().at("/fundingLines/0/id").asText();
        Http.Reply arrival = Http.post(budget + "/api/projects/" + projectId + "/arrivals", portal,
                "{\"fundingLineId\":\"" + line + "\",\"amount\":\"100000.00\",\"arrivedOn\":\"" + YEAR + "-03-01\"}");
        assertEquals(201, arrival.status(), arrival.body());
        String user = Http.token(platform.keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "jixiao-test-login", "username", "hhgxj-user", "password", PASSWORD, "scope", "openid"));
        // indicator-service learns of the project from budget-service's event: it refuses the indicator until then
        String body = """
                {"departmentCode":"HHGXJ","fiscalYear":%d,"projectId":"%s","level1":"OUTPUT","level2":"QUANTITY",
                 "name":"服务企业户数","direction":"GE","target":"200","unit":"户","weight":"30","actualSource":"ENTERED"}"""
                .formatted(YEAR, projectId);
        Http.Reply indicator = Http.post(platform.indicator.baseUrl() + "/api/indicators", user, body);
        for (long giveUp = System.nanoTime() + 30_000_000_000L; indicator.status() == 400 && System.nanoTime() < giveUp;) {
            Thread.sleep(200);
            indicator = Http.post(platform.indicator.baseUrl() + "/api/indicators", user, body);
        }
        assertEquals(201, indicator.status(), indicator.body());
        indicatorId = indicator.json().get("id").asText();
        // an output counted from the department's own output records (the rest of the output group's 50 points)
        Http.Reply counted = Http.post(platform.indicator.baseUrl() + "/api/indicators", user, """
                {"departmentCode":"HHGXJ","fiscalYear":%d,"projectId":"%s","level1":"OUTPUT","level2":"QUANTITY",
                 "name":"平台咨询服务次数","direction":"GE","target":"100","unit":"次","weight":"20",
                 "actualSource":"OUTPUT_RECORDS"}""".formatted(YEAR, projectId));
        assertEquals(201, counted.status(), counted.body());
        countedIndicatorId = counted.json().get("id").asText();
        // the rest of the template's groups (财预〔2020〕10号: benefit 30, satisfaction 10), met through the API
        for (String other : List.of(
                "\"level1\":\"BENEFIT\",\"level2\":\"SOCIAL\",\"name\":\"企业问题办结率\",\"target\":\"95\",\"unit\":\"%\",\"weight\":\"30\"",
                "\"level1\":\"SATISFACTION\",\"level2\":\"SERVICE_OBJECT\",\"name\":\"服务企业满意度\",\"target\":\"90\",\"unit\":\"%\",\"weight\":\"10\"")) {
            Http.Reply defined = Http.post(platform.indicator.baseUrl() + "/api/indicators", user,
                    "{\"departmentCode\":\"HHGXJ\",\"fiscalYear\":" + YEAR + ",\"projectId\":\"" + projectId
                            + "\",\"direction\":\"GE\",\"actualSource\":\"ENTERED\"," + other + "}");
            assertEquals(201, defined.status(), defined.body());
            Http.Reply actual = Http.post(platform.indicator.baseUrl() + "/api/indicators/" + defined.json().get("id").asText()
                    + "/actual", user, "{\"actual\":\"96\"}");
            assertEquals(200, actual.status(), actual.body());
        }
    }

    @AfterAll
    static void where() {
        System.out.println("web console screenshots: " + screenshots);
    }

    @Test
    @Order(1)
    void aDepartmentUserRecordsADisbursementEntersAnActualAndWritesASection() throws Exception {
        try (Browser staff = new Browser(console, screenshots)) {
            staff.open("/");
            assertTrue(staff.isSignInPage(), "the console sends a stranger to Keycloak's sign-in page");
            staff.signIn("hhgxj-user", PASSWORD);
            // the department's year is the home page of its staff
            assertEquals(console + HOME, staff.driver.getCurrentUrl());
            assertEquals("10.00 万元", staff.text("#total-budget"));
            assertTrue(staff.text("#projects").contains("中小企业服务平台运维"));
            // nothing spent by December of a past year: the project is red
            assertTrue(staff.find("#projects tbody tr").getAttribute("class").contains("colour-red"));
            staff.assertFieldsLabelledAndReachable();
            staff.shot("01-department-home");

            staff.click("#projects a");
            assertEquals(console + "/projects/" + projectId, staff.driver.getCurrentUrl());
            staff.assertFieldsLabelledAndReachable();

            // a refused amount: the service's message next to the amount field, nothing recorded
            staff.type("#amount", "-5");
            staff.date("#spentOn", YEAR + "-06-30");
            staff.type("#payee", "怀化云服务有限公司");
            staff.type("#purpose", "平台运维服务费");
            staff.click("#record-disbursement");
            // the refusal is a new page: wait for it, not the form it replaces
            staff.waitFor("#amount-error");
            assertTrue(staff.find("#amount").getAttribute("aria-invalid") != null, "amount marked invalid");
            String amountError = staff.text("#amount-error");
            assertFalse(amountError.isBlank());
            assertEquals("-5", staff.find("#amount").getAttribute("value"), "what was typed is kept");
            assertEquals("0.00", staff.text("#project-spent"));
            staff.shot("02-disbursement-refused");

            // a valid one
            staff.open("/projects/" + projectId);
            staff.type("#amount", "90000.00");
            staff.date("#spentOn", YEAR + "-06-30");
            staff.type("#payee", "怀化云服务有限公司");
            staff.type("#purpose", "平台运维服务费");
            staff.type("#voucherNumber", "记-2022-0630");
            staff.click("#record-disbursement");
            staff.waitForText("#done", "支出已记录");
            assertEquals("9.00", staff.text("#project-spent"));
            assertTrue(staff.text("#ledger").contains("90,000.00"), staff.text("#ledger"));
            staff.shot("03-disbursement-recorded");

            // the same form sent twice (a double click before the page reacts): recorded once
            staff.open("/projects/" + projectId);
            staff.type("#amount", "1000.00");
            staff.date("#spentOn", YEAR + "-07-01");
            staff.type("#payee", "怀化云服务有限公司");
            staff.type("#purpose", "短信服务费");
            Object statuses = staff.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.getElementById('disbursement-form');
                    const body = new URLSearchParams(new FormData(form));
                    Promise.all([fetch(form.action, {method: 'POST', body: body, redirect: 'manual'}),
                                 fetch(form.action, {method: 'POST', body: body, redirect: 'manual'})])
                      .then(rs => done(rs.map(r => r.status)));""");
            System.out.println("double submit answered " + statuses);
            staff.open("/projects/" + projectId);
            assertEquals("9.10", staff.text("#project-spent"));
            assertEquals(1, staff.all("#ledger tbody tr").stream().filter(r -> r.getText().contains("1,000.00")).count());

            // that 1,000.00 reversed, starting from its row in the ledger: the form arrives with the entry filled in
            WebElement entry = staff.all("#ledger tbody tr").stream().filter(r -> r.getText().contains("1,000.00"))
                    .findFirst().orElseThrow();
            String entryId = entry.findElement(By.cssSelector("code")).getText();
            entry.findElement(By.cssSelector("a.reverse")).click();
            assertEquals(entryId, staff.find("#entryId").getAttribute("value"));
            staff.type("#reason", "重复支付，收款方已退回");
            staff.date("#reversedOn", YEAR + "-07-02");
            staff.click("#reverse-entry");
            staff.waitForText("#done", "冲销已记录");
            assertEquals("9.00", staff.text("#project-spent"));
            assertTrue(staff.text("#ledger").contains("支出冲销"), staff.text("#ledger"));
            staff.shot("03b-disbursement-reversed");

            // an actual value and a deviation reason for the indicator
            staff.type("#actual-" + indicatorId, "180");
            staff.type("#deviation-" + indicatorId, "下半年两个园区平台迁移，部分企业延至次年接入");
            staff.find("#indicator-" + indicatorId + " form.actual-form button").click();
            staff.waitForText("#done", "实际完成值与偏差原因已保存");
            assertTrue(staff.text("#indicator-" + indicatorId + " .actual").contains("180"));
            staff.shot("04-actual-entered");

            // an output record for the counted indicator, under its list of records: its actual is their sum
            String records = "#indicator-" + countedIndicatorId + " details";
            staff.find(records + " summary").click();
            staff.date("#recordedOn-" + countedIndicatorId, YEAR + "-09-30");
            staff.type("#quantity-" + countedIndicatorId, "96");
            staff.type("#note-" + countedIndicatorId, "第三季度企业咨询");
            staff.find(records + " form button").click();
            staff.waitForText("#done", "产出记录已添加");
            assertTrue(staff.text(records + " summary").contains("1 条"), staff.text(records + " summary"));
            assertTrue(staff.text("#indicator-" + countedIndicatorId + " .actual").contains("96"),
                    staff.text("#indicator-" + countedIndicatorId));
            staff.find(records + " summary").click();
            assertTrue(staff.text(records + " ul").contains("第三季度企业咨询"), staff.text(records + " ul"));
            staff.shot("04b-output-record-added");

            // the year scored with the actual entered: the home page shows the score
            staff.open(HOME);
            staff.click("#score-year");
            staff.waitForText("#done", "已重新评分");
            assertTrue(staff.text("#score").matches("\\d+\\.\\d{2}（[优良中差]）"), staff.text("#score"));

            // a section that states a figure the ledger contradicts: the finding appears beside it as it saves
            staff.open(HOME + "/report");
            staff.assertFieldsLabelledAndReachable();
            assertFalse(staff.text("#findings").contains("20.00万元"));
            staff.type("#text-fund-flow", "本年度下拨专项资金共20.00万元，已全部到位。");
            staff.find("#form-fund-flow button").click();
            staff.waitForText("#save-fund-flow", "已保存");
            staff.waitForText("#findings", "20.00万元");
            staff.shot("05-section-finding");

            // sign-out ends the console's session and Keycloak's: the next visit asks for the password again
            Cookie session = staff.driver.manage().getCookieNamed("q_session");
            staff.signOut();
            staff.open("/");
            assertTrue(staff.isSignInPage(), "signed out: Keycloak asks for the password again");
            HttpResponse<String> stale = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console + HOME))
                    .header("Cookie", "q_session=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, stale.statusCode(), "the old session cookie opens nothing");
        }
    }

    @Test
    @Order(2)
    void theLeadSubmitsAndTheReviewerReturnsItWithAComment() {
        try (Browser lead = new Browser(console, screenshots)) {
            lead.open(HOME + "/report");
            lead.signIn("hhgxj-lead", PASSWORD);
            lead.click("#submit-report");
            lead.waitForText("#report-status", "已提交");
            lead.shot("06-lead-submitted");
        }
        try (Browser reviewer = new Browser(console, screenshots)) {
            reviewer.open("/review?year=" + YEAR);
            reviewer.signIn("reviewer", PASSWORD);
            assertTrue(reviewer.text("#queue").contains("怀化市工业和信息化局"), reviewer.text("#queue"));
            reviewer.shot("07-review-queue");
            reviewer.open("/review/" + DEPARTMENT + "/" + YEAR);
            reviewer.assertFieldsLabelledAndReachable();
            reviewer.type("#return-comment", "请补充资金拨付流程，并核对文中“20.00万元”与台账的差异。");
            reviewer.click("#return-report");
            reviewer.waitForText("#report-status", "已退回");
        }
    }

    @Test
    @Order(3)
    void theLeadSeesTheCommentCorrectsAndResubmitsTheReviewerAcceptsAndPublishes() throws Exception {
        try (Browser lead = new Browser(console, screenshots)) {
            lead.open(HOME + "/report");
            lead.signIn("hhgxj-lead", PASSWORD);
            assertTrue(lead.text(".returned").contains("请补充资金拨付流程"), lead.text(".returned"));
            lead.type("#text-fund-flow", "本年度下拨专项资金共10.00万元，已全部到位，按合同进度拨付。");
            lead.find("#form-fund-flow button").click();
            lead.waitForText("#save-fund-flow", "已保存");
            lead.click("#submit-report");
            lead.waitForText("#report-status", "已提交");
        }
        try (Browser reviewer = new Browser(console, screenshots)) {
            reviewer.open("/review/" + DEPARTMENT + "/" + YEAR);
            reviewer.signIn("reviewer", PASSWORD);
            // versions 1 and 2 side by side, the corrected section marked as changed
            String comparison = reviewer.text("#comparison");
            assertTrue(comparison.contains("第 1 版") && comparison.contains("第 2 版"), comparison);
            assertTrue(reviewer.all("#comparison tr.changed").stream().anyMatch(r -> r.getText().contains("fund-flow")),
                    comparison);
            reviewer.shot("08-versions-compared");
            // the reviewer names the scoring template the year is scored by
            reviewer.type("#policy-reason", "按财预〔2020〕10号附件评分");
            reviewer.find("#policy-form button").click();
            reviewer.waitForText("#current-policy", "财预〔2020〕10号");
            reviewer.click("#accept-report");
            reviewer.waitForText("#report-status", "审核通过");
            reviewer.click("#publish-report");
            reviewer.waitForText("#report-status", "已公开");

            // the city dashboard: the department with its colour (90 % spent and 96 % of the counted output by
            // December: green), its report's files
            reviewer.open("/city?year=" + YEAR);
            String row = "#departments tr[data-department='" + DEPARTMENT + "']";
            assertTrue(reviewer.find(row).getAttribute("class").contains("colour-green"), reviewer.find(row).getText());
            assertTrue(reviewer.text(row).contains("90.00%"), reviewer.text(row));
            Object chartDrawn = reviewer.script("return !!document.querySelector('#city-chart canvas');");
            assertEquals(Boolean.TRUE, chartDrawn, "the chart is drawn");
            reviewer.assertFieldsLabelledAndReachable();
            reviewer.shot("09-city-dashboard");
            // the published Word file, made on request: a progress bar beside the link until it is saved
            Browser.Download word = reviewer.download(row + " a.download[href$='.docx']");
            assertTrue(word.progressShown(), "a progress bar while the file is made");
            assertTrue(word.file().getFileName().toString().endsWith(".docx"), word.file().toString());
            byte[] bytes = Files.readAllBytes(word.file());
            assertTrue(bytes.length > 1000 && bytes[0] == 'P' && bytes[1] == 'K', "a Word (zip) file: " + bytes.length + " bytes");
        }
    }

    @Test
    @Order(4)
    void anAdminAddsAScoringTemplateAndRebuildsTheReadModelWatchingItsProgress() throws Exception {
        String admin = Http.token(platform.keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "jixiao-test-login", "username", "admin", "password", PASSWORD, "scope", "openid"));
        JsonNode template = Http.get(platform.indicator.baseUrl() + "/api/scoring-policies/"
                + java.net.URLEncoder.encode("财预〔2020〕10号", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"), admin).json();
        String name = "市级专项（浏览器测试）";
        String copy = ((com.fasterxml.jackson.databind.node.ObjectNode) template.deepCopy()).put("name", name).toString();
        try (Browser operator = new Browser(console, screenshots)) {
            operator.open("/admin");
            operator.signIn("admin", PASSWORD);
            assertTrue(operator.text("#policies").contains("财预〔2020〕10号"), operator.text("#policies"));
            // a template that is not JSON: refused beside the field, nothing added
            operator.type("#policy", "{not json");
            operator.find("#policy-form button").click();
            assertFalse(operator.text("#policy-error").isBlank());
            operator.script("arguments[0].value = arguments[1]", operator.find("#policy"), copy);
            operator.find("#policy-form button").click();
            operator.waitForText("#policies", name);
            operator.assertFieldsLabelledAndReachable();
            operator.click("#rebuild");
            // the progress bar shows while report-service replays the topics, then the outcome
            operator.waitForText("#rebuild-result", "重建完成");
            operator.shot("11-admin-rebuild");
        }
    }

    @Test
    @Order(5)
    void anotherDepartmentsUserSeesNoneOfItAndIsToldNotFound() {
        try (Browser other = new Browser(console, screenshots)) {
            other.open(HOME);
            other.signIn("hhczj-user", PASSWORD);
            assertTrue(other.text("#problem").contains("未找到"), other.text("#problem"));
            assertFalse(other.driver.getPageSource().contains("中小企业服务平台运维"));
            other.shot("10-other-department-not-found");
            other.open("/projects/" + projectId);
            assertTrue(other.text("#problem").contains("未找到"), other.text("#problem"));
            assertFalse(other.driver.getPageSource().contains("90,000.00"));
        }
        // and the services agree: the ledger holds exactly what the browser recorded
        String reviewer = Http.token(platform.keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "jixiao-test-login", "username", "reviewer", "password", PASSWORD, "scope", "openid"));
        JsonNode balance = Http.get(platform.budget.baseUrl() + "/api/projects/" + projectId + "/balance", reviewer).json();
        assertEquals("90000.00", balance.at("/total/spent").asText(), balance.toString());
    }
}
