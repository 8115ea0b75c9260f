package io.jixiao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.demo.Http;
import io.jixiao.events.Topics;
import io.jixiao.infra.KafkaBroker;
import io.jixiao.infra.PostgresServer;
import io.jixiao.infra.ServiceProcess;
import io.jixiao.infra.TemporaryDatabase;

/**
 * The synthetic city, kept apart from the local stack's demo: its events go to a broker of its own, under the
 * topic names production uses (a consumer takes a type only from the topic that owns it), read by a
 * report-service instance of its own with a temporary database, so a million events never reach the demo's
 * consumers. Measures how fast that instance takes the events in from a cold start,
 * the rebuild of its read model from them, and report assembly with the whole city loaded.
 */
final class CityBenchmark {

    private static final int PARTITIONS = 3;
    private static final int MEASURED = 20;

    private final Path brokerDir;
    private final String issuer;
    private final Path reportJar;
    private final Path log;
    private final SyntheticCity.Shape shape;

    CityBenchmark(Path brokerDir, String issuer, Path reportJar, Path log, SyntheticCity.Shape shape) {
        this.brokerDir = brokerDir;
        this.issuer = issuer;
        this.reportJar = reportJar;
        this.log = log;
        this.shape = shape;
    }

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
        deleteRecursively(brokerDir);
        try (KafkaBroker broker = KafkaBroker.reopen(brokerDir, ServiceProcess.freePort(), ServiceProcess.freePort(),
                PARTITIONS)) {
            broker.createTopics(Map.of(Topics.BUDGET_EVENTS, PARTITIONS, Topics.INDICATOR_EVENTS, PARTITIONS));
            System.out.printf("%nsynthetic city: %d departments × %d projects × %d ledger entries, fiscal years %s%n",
                    shape.departments(), shape.projectsPerDepartment(), shape.ledgerEntriesPerProject(),
                    shape.fiscalYears());
            SyntheticCity.Produced produced = SyntheticCity.produce(broker.bootstrapServers(), Topics.BUDGET_EVENTS,
                    Topics.INDICATOR_EVENTS, shape);
            city.put("events", produced.total()).put("producedInMillis", produced.millis());
            System.out.printf("  %d events on a broker of the city's own, written in %.1f s%n", produced.total(),
                    produced.millis() / 1000.0);
            consume(city, broker.bootstrapServers(), produced.total(), reviewerToken, adminToken, console);
        } finally {
            deleteRecursively(brokerDir);
        }
    }

    private void consume(ObjectNode city, String bootstrap, long events, Supplier<String> reviewerToken,
            Supplier<String> adminToken, Console console) throws Exception {
        PostgresServer postgres = PostgresServer.fromEnvironment();
        try (TemporaryDatabase database = postgres.createTemporaryDatabase("jixiao_bench_city")) {
            long started = System.nanoTime();
            int port = ServiceProcess.freePort();
            try (ServiceProcess service = ServiceProcess.start("report-service (synthetic city)", reportJar, port,
                    environment(database, port, bootstrap), log, Duration.ofMinutes(2))) {
                long applied = awaitApplied(database, events, Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - started) / 1e9;
                city.putObject("liveConsumption").put("events", applied).put("seconds", round(seconds))
                        .put("eventsPerSecond", round(applied / seconds));
                System.out.printf("  live consumers from a cold start: %d events in %.1f s = %.0f events/s%n", applied,
                        seconds, applied / seconds);

                rebuild(city, service.baseUrl(), adminToken.get());
                reports(city, service.baseUrl(), reviewerToken.get());
                dashboard(city, service.baseUrl(), console);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
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

    private Map<String, String> environment(TemporaryDatabase database, int port, String bootstrap) {
        return Map.of(
                "REPORT_HTTP_PORT", Integer.toString(port),
                "REPORT_DB_URL", database.jdbcUrl(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "OIDC_AUTH_SERVER_URL", issuer);
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
