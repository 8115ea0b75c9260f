package io.jixiao.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jixiao.infra.KafkaBroker;
import io.jixiao.infra.KeycloakServer;
import io.jixiao.infra.PostgresServer;
import io.jixiao.infra.ServiceProcess;
import io.jixiao.infra.TemporaryDatabase;
import io.jixiao.infra.TestInfrastructure;
import io.jixiao.infra.TestRealm;

/**
 * The whole platform for the end-to-end tests, started once per test JVM: PostgreSQL databases of
 * its own, a Kafka broker, Keycloak with the {@link TestRealm}, and the three packaged services and the
 * web console configured against them as in production.
 */
final class Platform implements AutoCloseable {

    /**
     * How often the services read the realm's published signing keys here: shorter than the 60 s default, so
     * that KeyRotationTest sees a withdrawn key refused without waiting a minute.
     */
    static final Duration SIGNING_KEYS_READ_EVERY = Duration.ofSeconds(10);
    static final String KEYCLOAK_ADMIN_PASSWORD = KeycloakServer.TEST_ADMIN_PASSWORD;
    /** The year the console shows by default here: a year no other test enters (they use 2023 and 2024). */
    static final int CONSOLE_YEAR = 2022;

    final Path root = Path.of(System.getProperty("jixiao.root", "..")).toAbsolutePath().normalize();
    final Path logs = root.resolve("e2e-tests/target/e2e-logs");
    final KafkaBroker kafka;
    final KeycloakServer keycloak;
    final Duration keycloakStart;
    final ServiceProcess budget;
    final ServiceProcess indicator;
    final ServiceProcess report;
    final ServiceProcess console;
    private final TemporaryDatabase[] databases = new TemporaryDatabase[3];

    private static Platform instance;

    static synchronized Platform get() {
        if (instance == null) {
            instance = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    private Platform() {
        PostgresServer pg = PostgresServer.fromEnvironment();
        pg.requireReachable();
        databases[0] = pg.createTemporaryDatabase("e2e_budget");
        databases[1] = pg.createTemporaryDatabase("e2e_indicator");
        databases[2] = pg.createTemporaryDatabase("e2e_report");
        kafka = KafkaBroker.startFresh(TestInfrastructure.scratchDirectory("jixiao-e2e-kafka-"));
        kafka.createTopics(Map.of("budget.events", 3, "budget.events.dlq", 1, "indicator.events", 3,
                "indicator.events.dlq", 1, "report.events", 3, "report.events.dlq", 1));

        int consolePort = ServiceProcess.freePort();
        long started = System.nanoTime();
        keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.dist")),
                TestRealm.importFiles(root, logs.resolve("keycloak-import"), List.of("http://127.0.0.1:" + consolePort + "/*")),
                TestRealm.NAME, ServiceProcess.freePort(),
                logs.resolve("keycloak.log"), TestRealm.environment());
        keycloakStart = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Keycloak ready in %.1f s at %s%n", keycloakStart.toMillis() / 1000.0, keycloak.issuer());

        budget = service("budget-service", "BUDGET", databases[0]);
        indicator = service("indicator-service", "INDICATOR", databases[1]);
        report = service("report-service", "REPORT", databases[2]);
        console = console(consolePort);
    }

    /** The web console against these services and this Keycloak, showing {@link #CONSOLE_YEAR} by default. */
    private ServiceProcess console(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("CONSOLE_HTTP_PORT", Integer.toString(port));
        env.put("BUDGET_URL", budget.baseUrl());
        env.put("INDICATOR_URL", indicator.baseUrl());
        env.put("REPORT_URL", report.baseUrl());
        env.put("OIDC_AUTH_SERVER_URL", keycloak.issuer());
        env.put("CONSOLE_FISCAL_YEAR", Integer.toString(CONSOLE_YEAR));
        return ServiceProcess.start("web-console", root.resolve("web-console/target/quarkus-app/quarkus-run.jar"), port, env,
                logs.resolve("web-console.log"), Duration.ofSeconds(90));
    }

    private ServiceProcess service(String name, String prefix, TemporaryDatabase db) {
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>();
        env.put(prefix + "_HTTP_PORT", Integer.toString(port));
        env.put(prefix + "_DB_URL", db.jdbcUrl());
        // as in production: the service runs as its runtime role, its migrations as the database's owner
        env.put(prefix + "_DB_USER", db.runtimeUser());
        env.put(prefix + "_DB_PASSWORD", db.runtimePassword());
        env.put(prefix + "_DB_OWNER", db.server().user());
        if (!db.server().password().isEmpty()) { // unset, the service's default stands (Quarkus ignores an empty one)
            env.put(prefix + "_DB_OWNER_PASSWORD", db.server().password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("OIDC_AUTH_SERVER_URL", keycloak.issuer());
        env.put("JIXIAO_SIGNING_KEYS_READ_EVERY", SIGNING_KEYS_READ_EVERY.toSeconds() + "s");
        return ServiceProcess.start(name, root.resolve(name + "/target/quarkus-app/quarkus-run.jar"), port, env,
                logs.resolve(name + ".log"), Duration.ofSeconds(90));
    }

    /** The three services' databases cut off for {@code away}, every session on them ended (a restart, a failover). */
    int databaseOutage(Duration away) {
        return databases[0].server().outage(List.of(databases[0].name(), databases[1].name(), databases[2].name()), away);
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : new AutoCloseable[] { console, report, indicator, budget, keycloak, kafka }) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        for (TemporaryDatabase db : databases) {
            if (db != null) {
                try {
                    db.close();
                } catch (RuntimeException e) {
                    // best effort
                }
            }
        }
    }
}
