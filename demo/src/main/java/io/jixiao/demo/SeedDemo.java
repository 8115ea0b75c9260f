package io.jixiao.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Enters a department-year from its data file through the public REST API, as the finance portal
 * (client credentials) and the department's users (their sign-in) would, waits for the events to
 * reach report-service, takes the report through submission, review and publication, and writes it
 * in every format with a summary next to the figures the source document states.
 *
 * <p>Run again on the same stack, it finds the year already entered and only fetches the report.
 */
public final class SeedDemo {

    /** Where the services and the token endpoint are. */
    public record Endpoints(String budget, String indicator, String report, String tokenEndpoint) {

        /** From {@code --budget --indicator --report --issuer}; the local stack's addresses by default. */
        public static Endpoints from(Map<String, String> options) {
            return new Endpoints(options.getOrDefault("budget", "http://127.0.0.1:8081"),
                    options.getOrDefault("indicator", "http://127.0.0.1:8082"),
                    options.getOrDefault("report", "http://127.0.0.1:8083"),
                    options.getOrDefault("issuer", "http://127.0.0.1:8180/realms/jixiao") + "/protocol/openid-connect/token");
        }
    }

    private final Endpoints at;
    private final JsonNode data;
    private final Path out;
    private final PrintStream log;
    private final String dept;
    private final int year;
    private String portal;
    private String user;
    private String lead;
    private String reviewer;

    public SeedDemo(Endpoints at, Path dataFile, Path out, PrintStream log) {
        this.at = at;
        this.out = out;
        this.log = log;
        try {
            this.data = Http.JSON.readTree(Files.readString(dataFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataFile, e);
        }
        this.dept = data.at("/department/code").asText();
        this.year = data.get("fiscalYear").asInt();
    }

    public static void main(String[] args) {
        Map<String, String> a = Options.parse(args);
        Endpoints at = Endpoints.from(a);
        SeedDemo demo = new SeedDemo(at, Path.of(a.getOrDefault("data", "demo/data/hhgxj-2023.json")),
                Path.of(a.getOrDefault("out", "out/demo")), System.out);
        JsonNode summary = demo.run();
        Summary.print(summary, demo.data.get("seedStated"), System.out);
    }

    /** Runs the demo; returns the summary also written to {@code summary.json}. */
    public JsonNode run() {
        signIn();
        if (alreadyEntered()) {
            log.println("      " + dept + " " + year + " is already entered: fetching its report");
        } else {
            enterMoney();
            awaitIndicatorService();
            enterTargets();
            enterNarrative();
        }
        JsonNode report = awaitReport();
        int version = review(report);
        return write(version);
    }

    private void signIn() {
        String secret = env("JIXIAO_PORTAL_CLIENT_SECRET", "portal-test-secret");
        String password = env("JIXIAO_TEST_USER_PASSWORD", "jixiao-test");
        portal = Http.token(at.tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_id", "finance-portal",
                "client_secret", secret));
        String prefix = dept.toLowerCase(Locale.ROOT);
        user = password(prefix + "-user", password);
        lead = password(prefix + "-lead", password);
        reviewer = password("reviewer", password);
        log.println("      signed in: the portal (client credentials), " + prefix + "-user, " + prefix
                + "-lead, reviewer (password grant)");
    }

    private String password(String username, String password) {
        return Http.token(at.tokenEndpoint(), Map.of("grant_type", "password", "client_id", "jixiao-test-login",
                "username", username, "password", password));
    }

    private boolean alreadyEntered() {
        Http.Reply projects = Http.get(at.budget() + "/api/projects?department=" + dept + "&year=" + year, portal);
        return projects.status() == 200 && projects.json().size() >= data.get("projects").size();
    }

    private void enterMoney() {
        expect(Http.post(at.budget() + "/api/departments", portal, Http.JSON.createObjectNode()
                .put("code", dept).put("name", data.at("/department/name").asText()).toString()), 201, 409);
        expect(Http.post(at.budget() + "/api/departments/" + dept + "/years/" + year + "/declared-figures", portal,
                data.get("declared").toString()), 201);
        Map<String, JsonNode> registered = new HashMap<>();
        for (JsonNode p : data.get("projects")) {
            ObjectNode body = Http.JSON.createObjectNode().put("departmentCode", dept).put("fiscalYear", year)
                    .put("name", p.get("name").asText()).put("category", p.get("category").asText())
                    .put("fundSource", text(p, "fundSource")).put("legalBasis", text(p, "legalBasis"))
                    .put("paidOnBehalf", p.path("paidOnBehalf").asBoolean());
            body.set("fundingLines", p.get("fundingLines"));
            registered.put(p.get("name").asText(), expect(Http.post(at.budget() + "/api/projects", portal, body.toString()),
                    201).json());
        }
        log.println("      " + registered.size() + " projects registered by the portal");
        int arrivals = 0;
        int disbursements = 0;
        for (JsonNode p : data.get("projects")) {
            JsonNode project = registered.get(p.get("name").asText());
            for (JsonNode line : project.get("fundingLines")) {
                expect(Http.post(at.budget() + "/api/projects/" + project.get("id").asText() + "/arrivals", portal,
                        Http.JSON.createObjectNode().put("fundingLineId", line.get("id").asText())
                                .put("amount", line.get("budget").asText()).put("arrivedOn", data.get("arrivalDate").asText())
                                .put("source", "怀化市财政局").toString()), 201);
                arrivals++;
            }
            for (JsonNode d : p.get("disbursements")) {
                String line = lineId(project, d.get("fundingLine").asText());
                expect(Http.post(at.budget() + "/api/projects/" + project.get("id").asText() + "/disbursements", user,
                        Http.JSON.createObjectNode().put("fundingLineId", line).put("amount", d.get("amount").asText())
                                .put("spentOn", data.get("spendingDate").asText()).put("payee", d.get("payee").asText())
                                .put("purpose", d.get("purpose").asText()).toString()), 201);
                disbursements++;
            }
        }
        log.println("      " + arrivals + " arrivals by the portal, " + disbursements + " disbursements by " + dept);
    }

    private void awaitIndicatorService() {
        int expected = data.get("projects").size();
        await("indicator-service has the " + expected + " projects from budget.events",
                () -> Http.get(at.indicator() + "/api/departments/" + dept + "/years/" + year + "/ledger", user),
                r -> r.status() == 200 && r.json().size() == expected);
    }

    private void enterTargets() {
        String goals = at.indicator() + "/api/goals";
        int position = 0;
        for (JsonNode goal : data.get("goals")) {
            expect(Http.post(goals, user, Http.JSON.createObjectNode().put("departmentCode", dept).put("fiscalYear", year)
                    .put("text", goal.asText()).put("position", position++).toString()), 201);
        }
        Map<String, JsonNode> projects = new HashMap<>();
        for (JsonNode p : Http.get(at.budget() + "/api/projects?department=" + dept + "&year=" + year, user).json()) {
            projects.put(p.get("name").asText(), p);
        }
        int costLines = 0;
        for (JsonNode p : data.get("projects")) {
            JsonNode project = projects.get(p.get("name").asText());
            for (JsonNode cost : p.get("costLines")) {
                defineIndicator(Http.JSON.createObjectNode().put("departmentCode", dept).put("fiscalYear", year)
                        .put("projectId", project.get("id").asText()).put("level1", "COST").put("level2", "ECONOMIC_COST")
                        .put("name", cost.get("name").asText()).put("direction", "LE").put("target", cost.get("ceiling").asText())
                        .put("unit", "万元").put("weight", data.get("costLineWeight").asText()).put("actualSource", "LEDGER")
                        .put("ledgerMeasure", "SPENT").put("fundingLineId", lineId(project, cost.get("fundingLine").asText())));
                costLines++;
            }
        }
        for (JsonNode i : data.get("indicators")) {
            boolean records = i.has("outputRecords");
            ObjectNode body = Http.JSON.createObjectNode().put("departmentCode", dept).put("fiscalYear", year)
                    .put("level1", i.get("level1").asText()).put("level2", i.get("level2").asText())
                    .put("name", i.get("name").asText()).put("direction", i.get("direction").asText())
                    .put("target", text(i, "target")).put("targetText", text(i, "targetText")).put("unit", text(i, "unit"))
                    .put("weight", i.get("weight").asText()).put("actualSource", records ? "OUTPUT_RECORDS" : "ENTERED");
            String id = defineIndicator(body);
            if (records) {
                for (JsonNode r : i.get("outputRecords")) {
                    expect(Http.post(at.indicator() + "/api/indicators/" + id + "/output-records", user, r.toString()), 201);
                }
            } else {
                ObjectNode actual = Http.JSON.createObjectNode().put("actual", text(i, "actual"))
                        .put("actualText", text(i, "actualText")).put("qualitativeTier", text(i, "qualitativeTier"))
                        .put("qualitativeScore", text(i, "qualitativeScore"));
                expect(Http.post(at.indicator() + "/api/indicators/" + id + "/actual", user, actual.toString()), 200);
            }
        }
        log.println("      " + data.get("goals").size() + " goals, " + costLines + " cost lines (actuals from the ledger), "
                + data.get("indicators").size() + " output, benefit and satisfaction indicators");
        JsonNode score = expect(Http.post(at.indicator() + "/api/departments/" + dept + "/years/" + year + "/score", lead, ""),
                200).json();
        log.println("      scored under " + score.get("policy").asText() + ": " + score.get("total").asText() + " ("
                + score.get("grade").asText() + ")");
    }

    private String defineIndicator(ObjectNode body) {
        return expect(Http.post(at.indicator() + "/api/indicators", user, body.toString()), 201).json().get("id").asText();
    }

    private void enterNarrative() {
        data.get("narrative").fields().forEachRemaining(section -> expect(Http.put(at.report() + "/api/reports/" + dept + "/"
                + year + "/sections/" + section.getKey(), user,
                Http.JSON.createObjectNode().put("text", section.getValue().asText()).toString()), 200));
        log.println("      " + data.get("narrative").size() + " narrative sections written by " + dept);
    }

    /** report-service has caught up when its report carries the score and every indicator's actual. */
    private JsonNode awaitReport() {
        int indicators = data.get("indicators").size();
        for (JsonNode p : data.get("projects")) {
            indicators += p.get("costLines").size();
        }
        int expected = indicators;
        String spent = Summary.wan(sumDisbursements());
        Http.Reply reply = await("report-service has caught up through Kafka (" + expected + " indicators, " + spent
                + " 万元 spent, the score)",
                () -> Http.get(at.report() + "/api/reports/" + dept + "/" + year, reviewer),
                r -> r.status() == 200 && caughtUp(r.json(), expected, spent));
        return reply.json();
    }

    private static boolean caughtUp(JsonNode report, int indicators, String spent) {
        if (report.get("score").isNull() || !spent.equals(report.at("/totals/spent").asText())
                || report.get("indicators").size() != indicators) {
            return false;
        }
        for (JsonNode i : report.get("indicators")) {
            if (i.get("actual").isNull() || i.get("score").isNull()) {
                return false;
            }
        }
        return true;
    }

    /** Submit as the lead, accept and publish as the reviewer; a published report is left as it is. */
    private int review(JsonNode report) {
        String base = at.report() + "/api/reports/" + dept + "/" + year;
        JsonNode status = Http.get(base + "/status", reviewer).json();
        if ("PUBLISHED".equals(status.get("status").asText())) {
            return status.get("latestVersion").asInt();
        }
        Http.Reply submitted = Http.post(base + "/submit", lead, "");
        if (submitted.status() != 200) {
            throw new IllegalStateException("the report could not be submitted: " + submitted.body());
        }
        int version = submitted.json().get("number").asInt();
        expect(Http.post(base + "/accept", reviewer, "{\"comment\":\"经审核，同意。\"}"), 200);
        expect(Http.post(base + "/publish", reviewer, ""), 200);
        log.println("      submitted by " + dept.toLowerCase(Locale.ROOT) + "-lead as version " + version
                + ", accepted and published by the reviewer");
        return version;
    }

    private JsonNode write(int version) {
        String base = at.report() + "/api/reports/" + dept + "/" + year + "/versions/" + version + "/report.";
        try {
            Files.createDirectories(out);
            for (String format : new String[] { "json", "html", "docx", "xlsx" }) {
                Files.write(out.resolve("report." + format), Http.download(base + format, reviewer));
            }
            JsonNode report = Http.JSON.readTree(Files.readString(out.resolve("report.json")));
            JsonNode summary = Summary.of(report);
            Files.writeString(out.resolve("summary.json"), Http.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(summary));
            log.println("      written: " + out.toAbsolutePath() + "/{report.json,report.html,report.docx,report.xlsx,summary.json}");
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.math.BigDecimal sumDisbursements() {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode p : data.get("projects")) {
            for (JsonNode d : p.get("disbursements")) {
                sum = sum.add(new java.math.BigDecimal(d.get("amount").asText()));
            }
        }
        return sum;
    }

    private static String lineId(JsonNode project, String name) {
        for (JsonNode line : project.get("fundingLines")) {
            if (line.get("name").asText().equals(name)) {
                return line.get("id").asText();
            }
        }
        throw new IllegalStateException(project.get("name").asText() + " has no funding line " + name);
    }

    private static Http.Reply expect(Http.Reply reply, int... statuses) {
        for (int status : statuses) {
            if (reply.status() == status) {
                return reply;
            }
        }
        throw new IllegalStateException("unexpected " + reply.status() + ": " + reply.body());
    }

    private Http.Reply await(String what, java.util.function.Supplier<Http.Reply> call, Predicate<Http.Reply> done) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Http.Reply last = call.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up waiting until " + what + "; last answer " + last.status() + " "
                        + last.body().substring(0, Math.min(500, last.body().length())));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = call.get();
        }
        log.println("      " + what);
        return last;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
