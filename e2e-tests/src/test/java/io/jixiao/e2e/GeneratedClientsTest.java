package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.client.budget.api.DepartmentsApi;
import io.jixiao.client.budget.api.ProjectsApi;
import io.jixiao.client.budget.model.ArrivalRequest;
import io.jixiao.client.budget.model.DeclaredFiguresRequest;
import io.jixiao.client.budget.model.DepartmentRequest;
import io.jixiao.client.budget.model.DisbursementRequest;
import io.jixiao.client.budget.model.FundingLineRequest;
import io.jixiao.client.budget.model.FundingLineView;
import io.jixiao.client.budget.model.ProjectCategory;
import io.jixiao.client.budget.model.ProjectRequest;
import io.jixiao.client.budget.model.ProjectView;
import io.jixiao.client.indicator.api.DepartmentYearsApi;
import io.jixiao.client.indicator.api.GoalsApi;
import io.jixiao.client.indicator.api.IndicatorsApi;
import io.jixiao.client.indicator.model.ActualRequest;
import io.jixiao.client.indicator.model.ActualSource;
import io.jixiao.client.indicator.model.Direction;
import io.jixiao.client.indicator.model.GoalRequest;
import io.jixiao.client.indicator.model.IndicatorLevel1;
import io.jixiao.client.indicator.model.IndicatorLevel2;
import io.jixiao.client.indicator.model.IndicatorRequest;
import io.jixiao.client.indicator.model.LedgerMeasure;
import io.jixiao.client.indicator.model.OutputRecordRequest;
import io.jixiao.client.indicator.model.QualitativeTier;
import io.jixiao.client.indicator.model.ScoreView;
import io.jixiao.client.report.api.ReportsApi;
import io.jixiao.client.report.model.Comment;
import io.jixiao.client.report.model.ReportStatus;
import io.jixiao.client.report.model.SelfEvaluationReport;
import io.jixiao.client.report.model.Text;
import io.jixiao.client.report.model.VersionView;
import io.jixiao.demo.Http;

/**
 * The API contract as a portal developer meets it: a Java client generated from each service's OpenAPI document
 * (e2e-tests' pom), and the seed's year entered through those clients only (as 2024, so as not to meet
 * SeedDemoTest's 2023): register, arrive, disburse, goals and indicators, actuals, score, sections, submit,
 * accept, publish. The figures at the end are the seed's, as SeedDemoTest finds them through plain HTTP.
 */
class GeneratedClientsTest {

    private static final String PASSWORD = System.getenv().getOrDefault("JIXIAO_TEST_USER_PASSWORD", "jixiao-test");
    private static final String PORTAL_SECRET = System.getenv().getOrDefault("JIXIAO_PORTAL_CLIENT_SECRET",
            "portal-test-secret");
    private static final String DEPARTMENT = "HHGXJ";
    private static final int YEAR = 2024;

    private final Platform platform = Platform.get();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void theSeedsYearGoesThroughTheGeneratedClients() throws Exception {
        JsonNode seed = json.readTree(Files.readString(platform.root.resolve("demo/data/hhgxj-2023.json")));
        String tokens = platform.keycloak.tokenEndpoint();
        String portal = Http.token(tokens, Map.of("grant_type", "client_credentials", "client_id", "finance-portal",
                "client_secret", PORTAL_SECRET));
        String user = signIn("hhgxj-user");
        String lead = signIn("hhgxj-lead");
        String reviewer = signIn("reviewer");

        // money, through budget-service's client
        DepartmentsApi departments = new DepartmentsApi(budget(portal));
        try {
            departments.registerDepartment(key(), new DepartmentRequest().code(DEPARTMENT)
                    .name(seed.at("/department/name").asText()));
        } catch (io.jixiao.client.budget.ApiException e) {
            assertEquals(409, e.getCode(), e.getResponseBody()); // SeedDemoTest registered it first
        }
        departments.declareFigures(DEPARTMENT, YEAR, key(), json.convertValue(seed.get("declared"),
                DeclaredFiguresRequest.class));
        ProjectsApi portalProjects = new ProjectsApi(budget(portal));
        ProjectsApi userProjects = new ProjectsApi(budget(user));
        Map<String, ProjectView> registered = new HashMap<>();
        BigDecimal spent = BigDecimal.ZERO;
        for (JsonNode p : seed.get("projects")) {
            ProjectRequest request = new ProjectRequest().departmentCode(DEPARTMENT).fiscalYear(YEAR)
                    .name(p.get("name").asText()).category(ProjectCategory.fromValue(p.get("category").asText()))
                    .fundSource(text(p, "fundSource")).legalBasis(text(p, "legalBasis"))
                    .paidOnBehalf(p.path("paidOnBehalf").asBoolean());
            for (JsonNode line : p.get("fundingLines")) {
                request.addFundingLinesItem(new FundingLineRequest().name(line.get("name").asText())
                        .amount(new BigDecimal(line.get("amount").asText()))
                        .carriedOverFromYear(line.has("carriedOverFromYear")
                                ? line.get("carriedOverFromYear").asInt() + 1 : null));
            }
            ProjectView project = portalProjects.registerProject(key(), request);
            registered.put(project.getName(), project);
            for (FundingLineView line : project.getFundingLines()) {
                portalProjects.recordArrival(project.getId(), key(), new ArrivalRequest().fundingLineId(line.getId())
                        .amount(new BigDecimal(line.getBudget())).arrivedOn(date(seed.get("arrivalDate")))
                        .source("怀化市财政局"));
            }
            for (JsonNode d : p.get("disbursements")) {
                BigDecimal amount = new BigDecimal(d.get("amount").asText());
                userProjects.recordDisbursement(project.getId(), key(), new DisbursementRequest()
                        .fundingLineId(lineId(project, d.get("fundingLine").asText())).amount(amount)
                        .spentOn(date(seed.get("spendingDate"))).payee(d.get("payee").asText())
                        .purpose(d.get("purpose").asText()));
                spent = spent.add(amount);
            }
        }

        // targets and actuals, through indicator-service's client, once it has the projects from budget.events
        DepartmentYearsApi userYears = new DepartmentYearsApi(indicator(user));
        await("indicator-service knows the " + registered.size() + " projects",
                () -> userYears.getLedgerView(DEPARTMENT, YEAR).size() == registered.size());
        GoalsApi goals = new GoalsApi(indicator(user));
        int position = 0;
        for (JsonNode goal : seed.get("goals")) {
            goals.defineGoal(key(), new GoalRequest().departmentCode(DEPARTMENT).fiscalYear(YEAR)
                    .text(goal.asText()).position(position++));
        }
        IndicatorsApi indicators = new IndicatorsApi(indicator(user));
        int defined = 0;
        for (JsonNode p : seed.get("projects")) {
            ProjectView project = registered.get(p.get("name").asText());
            for (JsonNode cost : p.get("costLines")) {
                indicators.defineIndicator(key(), new IndicatorRequest().departmentCode(DEPARTMENT).fiscalYear(YEAR)
                        .projectId(project.getId()).level1(IndicatorLevel1.COST)
                        .level2(IndicatorLevel2.ECONOMIC_COST).name(cost.get("name").asText()).direction(Direction.LE)
                        .target(new BigDecimal(cost.get("ceiling").asText())).unit("万元")
                        .weight(new BigDecimal(seed.get("costLineWeight").asText())).actualSource(ActualSource.LEDGER)
                        .ledgerMeasure(LedgerMeasure.SPENT)
                        .fundingLineId(lineId(project, cost.get("fundingLine").asText())));
                defined++;
            }
        }
        for (JsonNode i : seed.get("indicators")) {
            boolean records = i.has("outputRecords");
            UUID id = indicators.defineIndicator(key(), new IndicatorRequest().departmentCode(DEPARTMENT)
                    .fiscalYear(YEAR).level1(IndicatorLevel1.fromValue(i.get("level1").asText()))
                    .level2(IndicatorLevel2.fromValue(i.get("level2").asText())).name(i.get("name").asText())
                    .direction(Direction.fromValue(i.get("direction").asText())).target(decimal(i, "target"))
                    .targetText(text(i, "targetText")).unit(text(i, "unit"))
                    .weight(new BigDecimal(i.get("weight").asText()))
                    .actualSource(records ? ActualSource.OUTPUT_RECORDS : ActualSource.ENTERED)).getId();
            defined++;
            if (records) {
                for (JsonNode r : i.get("outputRecords")) {
                    OutputRecordRequest record = json.convertValue(r, OutputRecordRequest.class);
                    indicators.addOutputRecord(id, key(), record.recordedOn(record.getRecordedOn().plusYears(1)));
                }
            } else {
                indicators.recordActual(id, key(), new ActualRequest().actual(decimal(i, "actual"))
                        .actualText(text(i, "actualText")).qualitativeScore(decimal(i, "qualitativeScore"))
                        .qualitativeTier(i.hasNonNull("qualitativeTier")
                                ? QualitativeTier.fromValue(i.get("qualitativeTier").asText()) : null));
            }
        }
        ScoreView score = new DepartmentYearsApi(indicator(lead)).scoreDepartmentYear(DEPARTMENT, YEAR);

        // the report, through report-service's client
        ReportsApi userReports = new ReportsApi(report(user));
        for (var section : iterable(seed.get("narrative"))) {
            userReports.writeSection(DEPARTMENT, section.getKey(), YEAR, new Text().text(section.getValue().asText()));
        }
        ReportsApi reviewerReports = new ReportsApi(report(reviewer));
        String spentWan = spent.divide(BigDecimal.valueOf(10_000)).setScale(2).toPlainString();
        int expectedIndicators = defined;
        await("report-service has the score, " + spentWan + " 万元 spent and " + expectedIndicators + " indicators",
                () -> {
                    SelfEvaluationReport r = reviewerReports.getReport(DEPARTMENT, YEAR);
                    return r.getScore() != null && spentWan.equals(r.getTotals().getSpent())
                            && r.getIndicators().size() == expectedIndicators
                            && r.getIndicators().stream().allMatch(i -> i.getActual() != null && i.getScore() != null);
                });
        VersionView version = new ReportsApi(report(lead)).submitReport(DEPARTMENT, YEAR);
        reviewerReports.acceptReport(DEPARTMENT, YEAR, new Comment().comment("经审核，同意。"));
        assertEquals(ReportStatus.PUBLISHED, reviewerReports.publishReport(DEPARTMENT, YEAR).getTo());

        SelfEvaluationReport published = reviewerReports.getReport(DEPARTMENT, YEAR);
        assertEquals(34, published.getTotals().getProjectCount());
        assertEquals("1327.18", published.getTotals().getBudget());
        assertEquals("1327.18", published.getTotals().getArrived());
        assertEquals("1240.60", published.getTotals().getSpent());
        assertEquals("93.48", published.getTotals().getExecutionRate());
        assertEquals(score.getTotal(), published.getScore().getTotal());
        assertEquals("99.35", published.getScore().getTotal());
        assertEquals("优", published.getScore().getGrade());
        byte[] workbook = Files.readAllBytes(reviewerReports.getPublishedReportFile(DEPARTMENT, "report.xlsx", YEAR)
                .toPath());
        assertTrue(workbook.length > 1000 && workbook[0] == 'P' && workbook[1] == 'K', "an .xlsx (a zip) comes back");
        System.out.printf("generated clients: %d projects, %d indicators, version %d published, score %s (%s)%n",
                registered.size(), defined, version.getNumber(), published.getScore().getTotal(),
                published.getScore().getGrade());
    }

    private String signIn(String username) {
        return Http.token(platform.keycloak.tokenEndpoint(), Map.of("grant_type", "password", "client_id",
                "jixiao-test-login", "username", username, "password", PASSWORD));
    }

    private static java.util.function.Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }

    private io.jixiao.client.budget.ApiClient budget(String token) {
        io.jixiao.client.budget.ApiClient client = new io.jixiao.client.budget.ApiClient();
        client.updateBaseUri(platform.budget.baseUrl());
        return client.setRequestInterceptor(bearer(token));
    }

    private io.jixiao.client.indicator.ApiClient indicator(String token) {
        io.jixiao.client.indicator.ApiClient client = new io.jixiao.client.indicator.ApiClient();
        client.updateBaseUri(platform.indicator.baseUrl());
        return client.setRequestInterceptor(bearer(token));
    }

    private io.jixiao.client.report.ApiClient report(String token) {
        io.jixiao.client.report.ApiClient client = new io.jixiao.client.report.ApiClient();
        client.updateBaseUri(platform.report.baseUrl());
        return client.setRequestInterceptor(bearer(token));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** The seed's dates, a year on. */
    private static LocalDate date(JsonNode seedDate) {
        return LocalDate.parse(seedDate.asText()).plusYears(1);
    }

    private static UUID lineId(ProjectView project, String name) {
        return project.getFundingLines().stream().filter(l -> l.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(project.getName() + " has no line " + name)).getId();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return node.hasNonNull(field) ? new BigDecimal(node.get(field).asText()) : null;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        object.fields().forEachRemaining(entries::add);
        return entries;
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!check.done()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting until " + what);
            }
            Thread.sleep(500);
        }
    }
}
