package io.jixiao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.demo.Http;
import io.jixiao.infra.PostgresServer;
import io.jixiao.infra.ServiceProcess;
import io.jixiao.infra.TemporaryDatabase;

/**
 * The synthetic city, kept apart from the local stack's demo: its events go to topics of their own,
 * read by a report-service instance of its own with a temporary database, so a million events never
 * reach the demo's consumers. Measures how fast that instance takes the events in from a cold start,
 * the rebuild of its read model from them, and report assembly with the whole city loaded.
 */
final class CityBenchmark {

    static final String BUDGET_TOPIC = "bench.city.budget.events";
    static final String INDICATOR_TOPIC = "bench.city.indicator.events";
    private static final int PARTITIONS = 3;
    private static final int MEASURED = 20;

    private final String bootstrap;
    private final String issuer;
    private final Path reportJar;
    private final Path log;
    private final SyntheticCity.Shape shape;

    CityBenchmark(String bootstrap, String issuer, Path reportJar, Path log, SyntheticCity.Shape shape) {
        this.bootstrap = bootstrap;
        this.issuer = issuer;
        this.reportJar = reportJar;
        this.log = log;
        this.shape = shape;
    }

    /** Tokens are asked for when needed: the run outlasts an access token's lifetime. */
    /**
     * A web console of the bench's own on {@link #CONSOLE_PORT}, reading the city's report-service: the city dashboard
     * with every synthetic department. (Its address is in the dev realm's redirects for this.)
     */
    record Console(Path jar, Path log, String budget, String indicator, String password) {
    }

    static final int CONSOLE_PORT = 8085;

    void run(ObjectNode results, Supplier<String> reviewerToken, Supplier<String> adminToken, Console console) throws Exception {
        ObjectNode city = results.putObject("syntheticCity");
        city.put("departments", shape.departments()).put("projectsPerDepartment", shape.projectsPerDepartment())
                .put("ledgerEntriesPerProject", shape.ledgerEntriesPerProject());
        city.putPOJO("fiscalYears", shape.fiscalYears());
        recreateTopics();
        System.out.printf("%nsynthetic city: %d departments × %d projects × %d ledger entries, fiscal years %s%n",
                shape.departments(), shape.projectsPerDepartment(), shape.ledgerEntriesPerProject(), shape.fiscalYears());
        SyntheticCity.Produced produced = SyntheticCity.produce(bootstrap, BUDGET_TOPIC, INDICATOR_TOPIC, shape);
        city.put("events", produced.total()).put("producedInMillis", produced.millis());
        System.out.printf("  %d events on %s and %s, written in %.1f s%n", produced.total(), BUDGET_TOPIC,
                INDICATOR_TOPIC, produced.millis() / 1000.0);

        PostgresServer postgres = PostgresServer.fromEnvironment();
        try (TemporaryDatabase database = postgres.createTemporaryDatabase("jixiao_bench_city")) {
            long started = System.nanoTime();
            int port = ServiceProcess.freePort();
            try (ServiceProcess service = ServiceProcess.start("report-service (synthetic city)", reportJar, port,
                    environment(database, port), log, Duration.ofMinutes(2))) {
                long applied = awaitApplied(database, produced.total(), Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - started) / 1e9;
                city.putObject("liveConsumption").put("events", applied).put("seconds", round(seconds))
                        .put("eventsPerSecond", round(applied / seconds));
                System.out.printf("  live consumers from a cold start: %d events in %.1f s = %.0f events/s%n", applied,
                        seconds, applied / seconds);

                rebuild(city, service.baseUrl(), adminToken.get());
                reports(city, service.baseUrl(), reviewerToken.get());
                dashboard(city, service.baseUrl(), console);
            }
        } finally {
            deleteTopics();
        }
    }

    /** The city dashboard (p95 ≤ 500 ms with 100 departments, DESIGN §12) through a console reading this city. */
    private void dashboard(ObjectNode city, String cityReport, Console console) throws Exception {
        Map<String, String> env = Map.of("CONSOLE_HTTP_PORT", Integer.toString(CONSOLE_PORT), "REPORT_URL", cityReport,
                "BUDGET_URL", console.budget(), "INDICATOR_URL", console.indicator(), "OIDC_AUTH_SERVER_URL", issuer);
        try (ServiceProcess web = ServiceProcess.start("web-console (synthetic city)", console.jar(), CONSOLE_PORT, env,
                console.log(), Duration.ofMinutes(1))) {
            int year = shape.fiscalYears().get(shape.fiscalYears().size() - 1);
            ConsolePages.signIn(web.baseUrl(), "reviewer", console.password()).time(city, "consoleCityDashboard",
                    "city dashboard (" + shape.departments() + " departments)", "/city?year=" + year, 500);
        }
    }

    private Map<String, String> environment(TemporaryDatabase database, int port) {
        return Map.of(
                "REPORT_HTTP_PORT", Integer.toString(port),
                "REPORT_DB_URL", database.jdbcUrl(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "OIDC_AUTH_SERVER_URL", issuer,
                "MP_MESSAGING_INCOMING_BUDGET_EVENTS_TOPIC", BUDGET_TOPIC,
                "MP_MESSAGING_INCOMING_INDICATOR_EVENTS_TOPIC", INDICATOR_TOPIC,
                "MP_MESSAGING_INCOMING_BUDGET_EVENTS_GROUP_ID", "report-service-bench-city",
                "MP_MESSAGING_INCOMING_INDICATOR_EVENTS_GROUP_ID", "report-service-bench-city",
                // its outbox publishes nothing yet; it must not share the demo's topic all the same
                "JIXIAO_OUTBOX_TOPIC", "bench.city.report.events");
    }

    /** The instance's inbox holds one row per event applied: done when it holds them all. */
    private static long awaitApplied(TemporaryDatabase database, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long applied = 0;
        long lastPrinted = 0;
        while (System.nanoTime() < deadline) {
            applied = count(database, "select count(*) from processed_event");
            if (applied >= expected) {
                return applied;
            }
            if (applied - lastPrinted >= 200_000) {
                System.out.printf("    %d of %d applied%n", applied, expected);
                lastPrinted = applied;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the city's report-service applied " + applied + " of " + expected
                + " events in " + timeout.toMinutes() + " min");
    }

    private static void rebuild(ObjectNode city, String baseUrl, String adminToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(baseUrl + "/api/admin/read-model/rebuild"))
                .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("rebuild answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode r = Http.json(response.body());
        long events = r.get("events").asLong();
        long millis = Math.max(1, r.get("millis").asLong());
        city.putObject("readModelRebuild").put("events", events).put("applied", r.get("applied").asLong())
                .put("millis", millis).put("eventsPerSecond", round(events * 1000.0 / millis))
                .put("target", "≥ 50000 events/s from 1M events");
        System.out.printf("  read-model rebuild: %d events in %.1f s = %.0f events/s (target ≥ 50000/s)%n", events,
                millis / 1000.0, events * 1000.0 / millis);
    }

    /** One department's report in each format, and the city's monitoring view, with all the city loaded. */
    private void reports(ObjectNode city, String baseUrl, String reviewerToken) {
        int year = shape.fiscalYears().get(shape.fiscalYears().size() - 1);
        ObjectNode r = city.putObject("reportAssembly");
        String department = SyntheticCity.departmentCode(shape.departments() / 2);
        r.put("department", department).put("fiscalYear", year);
        for (String format : List.of("json", "docx", "xlsx", "html")) {
            time(r, "report." + format + " of " + department,
                    format + "", baseUrl + "/api/reports/" + department + "/" + year + "/report." + format, reviewerToken);
        }
        time(r, "city monitoring view (" + shape.departments() + " departments)", "cityMonitoring",
                baseUrl + "/api/monitoring/years/" + year + "?month=12", reviewerToken);
    }

    private static void time(ObjectNode r, String what, String key, String url, String token) {
        for (int i = 0; i < 5; i++) {
            Http.download(url, token);
        }
        long[] micros = new long[MEASURED];
        for (int i = 0; i < micros.length; i++) {
            long t = System.nanoTime();
            Http.download(url, token);
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        double p50 = micros[MEASURED / 2] / 1000.0;
        double p95 = micros[(int) Math.ceil(MEASURED * 0.95) - 1] / 1000.0;
        r.put(key + "P50Millis", p50).put(key + "P95Millis", p95);
        System.out.printf("  %-52s p50 %7.1f ms, p95 %7.1f ms%n", what, p50, p95);
    }

    private void recreateTopics() throws Exception {
        deleteTopics();
        try (Admin admin = admin()) {
            // a deletion completes in the background: retry until the names are free again
            for (int attempt = 0;; attempt++) {
                try {
                    admin.createTopics(List.of(new NewTopic(BUDGET_TOPIC, PARTITIONS, (short) 1),
                            new NewTopic(INDICATOR_TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (attempt >= 20) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    private void deleteTopics() throws Exception {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> ours = List.of(BUDGET_TOPIC, INDICATOR_TOPIC, BUDGET_TOPIC + ".dlq", INDICATOR_TOPIC + ".dlq")
                    .stream().filter(existing::contains).toList();
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }

    private static long count(TemporaryDatabase database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.server().user(),
                database.server().password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
