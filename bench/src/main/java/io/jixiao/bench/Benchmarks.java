package io.jixiao.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.demo.Http;
import io.jixiao.demo.Options;

/**
 * The DESIGN §12 figures, measured against the running local stack ({@code ./jixiao up}): disbursement
 * writes per second through budget-service (wrk) next to the raw single-row insert rate of the same
 * PostgreSQL and next to the disbursement's own SQL alone (pgbench, same concurrency); event freshness
 * from committed disbursement to applied in report-service at a fixed write rate; the seed report's
 * assembly times; the synthetic city ({@link CityBenchmark}); RSS and start time of each service.
 * Prints each figure and writes them all to a JSON file.
 */
public final class Benchmarks {

    private static final String DEPARTMENT = "HHCZJ";
    private static final int PROJECTS = 64;
    /** The write runs' client counts; --concurrency 1,8,32,64 measures at others. */
    private static final String CONCURRENCY = "1,8,32";
    private static final int MAX_CLIENTS = 64;
    private static final int START_SAMPLES = 3;
    /** DESIGN §12 states the freshness target at this write rate (per second); --rate measures at another. */
    private static final String FRESHNESS_TARGET_RATE = "500";
    private static final String VALID_DISBURSEMENT =
            "{\"amount\":\"0.01\",\"spentOn\":\"2023-05-01\",\"payee\":\"压测\",\"purpose\":\"吞吐量测试\"}";
    /** Refused by validation (the amount must be positive), after sign-in and JSON, before the database. */
    private static final String REFUSED_DISBURSEMENT =
            "{\"amount\":\"-1.00\",\"spentOn\":\"2023-05-01\",\"payee\":\"压测\",\"purpose\":\"吞吐量测试\"}";

    private final Map<String, String> args;
    private final String budget;
    private final String report;
    private final String tokenEndpoint;
    private final Path run;
    private final int[] clientCounts;
    private final ObjectNode results = Http.JSON.createObjectNode();
    private String portal;
    private String user;
    private final List<String> projectIds = new ArrayList<>();

    private Benchmarks(Map<String, String> args) {
        this.args = args;
        this.budget = args.getOrDefault("budget", "http://127.0.0.1:8081");
        this.report = args.getOrDefault("report", "http://127.0.0.1:8083");
        this.tokenEndpoint = args.getOrDefault("issuer", "http://127.0.0.1:8180/realms/jixiao")
                + "/protocol/openid-connect/token";
        this.run = Path.of(args.getOrDefault("run", ".run"));
        this.clientCounts = clientCounts(args.getOrDefault("concurrency", CONCURRENCY));
    }

    /**
     * "1,8,32" as client counts; anything else stops the run before it measures anything. At most 64:
     * pgbench opens a connection per client, and PostgreSQL's 100 (max_connections) are shared with the
     * stack's pools.
     */
    static int[] clientCounts(String list) {
        int[] counts;
        try {
            counts = Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--concurrency takes client counts separated by commas, e.g. 1,8,32; got \""
                    + list + "\"");
        }
        if (counts.length == 0 || Arrays.stream(counts).anyMatch(c -> c < 1 || c > MAX_CLIENTS)) {
            throw new IllegalArgumentException("--concurrency: each client count must be from 1 to " + MAX_CLIENTS
                    + "; got \"" + list + "\"");
        }
        return counts;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Options.parse(argv);
        Benchmarks b = new Benchmarks(args);
        // --only writes,freshness,report,console,city,footprint picks some (default: all)
        List<String> only = List.of(args.getOrDefault("only", "writes,freshness,report,console,city,footprint").split(","));
        b.signIn();
        if (only.contains("writes") || only.contains("freshness")) {
            b.setUp();
        }
        if (only.contains("writes")) {
            b.writes();
        }
        if (only.contains("freshness")) {
            b.freshness(Integer.parseInt(args.getOrDefault("rate", FRESHNESS_TARGET_RATE)), Duration.ofSeconds(15),
                    Integer.parseInt(args.getOrDefault("freshness-runs", "3")), !only.contains("writes"));
        }
        if (only.contains("report")) {
            b.reportAssembly();
        }
        if (only.contains("console")) {
            b.consolePages();
        }
        if (only.contains("city")) {
            b.city();
        }
        if (only.contains("footprint")) {
            b.footprint();
        }
        Path out = Path.of(args.getOrDefault("out", "out/bench/results.json"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(b.results));
        System.out.println("\nwritten: " + out.toAbsolutePath());
    }

    private void signIn() {
        portal = Http.token(tokenEndpoint, Map.of("grant_type", "client_credentials", "client_id", "finance-portal",
                "client_secret", env("JIXIAO_PORTAL_CLIENT_SECRET", "portal-test-secret")));
        user = password("hhczj-user");
    }

    private String password(String name) {
        return Http.token(tokenEndpoint, Map.of("grant_type", "password", "client_id", "jixiao-test-login",
                "username", name, "password", env("JIXIAO_TEST_USER_PASSWORD", "jixiao-test")));
    }

    /** Projects with budgets far beyond what the run spends, so no write is refused for lack of funds. */
    private void setUp() {
        Http.post(budget + "/api/departments", portal, "{\"code\":\"" + DEPARTMENT + "\",\"name\":\"怀化市财政局\"}");
        String batch = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < PROJECTS; i++) {
            Http.Reply p = Http.post(budget + "/api/projects", portal, "{\"departmentCode\":\"" + DEPARTMENT
                    + "\",\"fiscalYear\":2023,\"name\":\"压测项目 " + batch + "-" + i + "\",\"category\":\"OPENING_BUDGET\","
                    + "\"budget\":\"900000000.00\"}");
            String id = p.json().get("id").asText();
            Http.post(budget + "/api/projects/" + id + "/arrivals", portal,
                    "{\"amount\":\"900000000.00\",\"arrivedOn\":\"2023-01-10\"}");
            projectIds.add(id);
        }
        System.out.println("set up " + PROJECTS + " projects of " + DEPARTMENT);
    }

    /** Disbursements/s through the API next to pgbench's raw single-row inserts/s, per concurrency. */
    private void writes() throws Exception {
        vacuumBudgetDatabase();
        // the database's own rates first, while the stack is idle: after a write run the consumers are
        // still catching up, and pgbench would share the cores with them
        Map<Integer, DatabaseRates> database = new HashMap<>();
        try (DisbursementCeiling ceiling = DisbursementCeiling.create()) {
            for (int c : clientCounts) {
                database.put(c, new DatabaseRates(pgbench(c, 10), ceiling.statementByStatementPerSecond(c, 10),
                        ceiling.oneStatementPerSecond(c, 10), ceiling.entryAndTotalPerSecond(c, 10)));
            }
        }
        // on two shared cores the compiler needs minutes of traffic before the write path runs compiled
        disbursements(8, Duration.ofSeconds(Long.parseLong(args.getOrDefault("warmup", "120"))));
        ObjectNode writes = results.putObject("disbursementWrites");
        List<String> bounds = new ArrayList<>();
        CoreUse cores = new CoreUse(run);
        List<String> coreRows = new ArrayList<>();
        List<String> costs = new ArrayList<>();
        System.out.printf("%n%-12s %16s %16s %8s %12s %22s %8s %26s %8s%n", "concurrency", "disbursements/s", "raw inserts/s",
                "ratio", "per commit", "consumers paused, /s", "ratio", "one per transaction, SQL/s", "ratio");
        for (int c : clientCounts) {
            DatabaseRates db = database.get(c);
            double sqlOnly = db.statementByStatement();
            double oneStatement = db.oneStatement();
            double entryAndTotal = db.entryAndTotal();
            awaitConsumersIdle();
            CoreUse.Snapshot rawStart = cores.take();
            double rawBefore = pgbench(c, 10);
            // pgbench's backends exit as it does: read at that moment, a backend can vanish from /proc before the
            // postmaster has reaped it (and added its time), and the database's time showed up as "other"
            Thread.sleep(200);
            CoreUse.Interval rawCores = cores.since(rawStart);
            double[] groupsBefore = commitGroups();
            CoreUse.Snapshot apiStart = cores.take();
            double api = disbursements(c, Duration.ofSeconds(10));
            CoreUse.Interval apiCores = cores.since(apiStart);
            double[] groupsAfter = commitGroups();
            double perCommit = (groupsAfter[1] - groupsBefore[1]) / Math.max(1, groupsAfter[0] - groupsBefore[0]);
            awaitConsumersIdle();
            // the consumers apply part of a run's events after it: the whole cost of its writes runs until they are done
            CoreUse.Interval apiCoresUntilIdle = cores.since(apiStart);
            double writePathAlone = withConsumersPaused(() -> disbursements(c, Duration.ofSeconds(10)));
            awaitConsumersIdle();
            double frontHalf = refusedBeforeDatabase(c, Duration.ofSeconds(10));
            // this machine's raw rate drifts (up to 2.6× within an hour): the median of the run before the
            // warm-up and those just before and after this concurrency's runs, each with the stack idle
            awaitConsumersIdle();
            double[] raws = { db.rawInserts(), rawBefore, pgbench(c, 10) };
            double raw = Arrays.stream(raws).sorted().toArray()[1];
            // every write needs the front half's work, so no design behind it writes more than it answers; a
            // single client's write also needs a commit of its own after it (nothing to share it with), so at
            // concurrency 1 the two times add: front half, then at least pgbench's one-row transaction
            double bound = c == 1 ? frontHalf * raw / (frontHalf + raw) : frontHalf;
            ObjectNode row = writes.putObject(Integer.toString(c));
            row.putArray("rawInsertsPerSecondEach").add(round(raws[0])).add(round(raws[1])).add(round(raws[2]));
            row.put("disbursementsPerSecond", round(api)).put("rawInsertsPerSecond", round(raw)).put("ratio", round(api / raw))
                    .put("disbursementsPerCommit", round(perCommit))
                    .put("consumersPausedPerSecond", round(writePathAlone)).put("consumersPausedRatio", round(writePathAlone / raw))
                    .put("refusedBeforeDatabasePerSecond", round(frontHalf))
                    .put("boundPerSecond", round(bound)).put("boundRatio", round(bound / raw))
                    .put("onePerTransactionSqlPerSecond", round(sqlOnly)).put("onePerTransactionSqlRatio", round(sqlOnly / raw))
                    .put("oneStatementSqlPerSecond", round(oneStatement)).put("oneStatementSqlRatio", round(oneStatement / raw))
                    .put("entryAndTotalSqlPerSecond", round(entryAndTotal)).put("entryAndTotalSqlRatio", round(entryAndTotal / raw));
            System.out.printf("%-12d %16.1f %16.1f %8.3f %12.1f %22.1f %8.3f %26.1f %8.3f%n", c, api, raw, api / raw, perCommit,
                    writePathAlone, writePathAlone / raw, sqlOnly, sqlOnly / raw);
            bounds.add(String.format("%-12d %26.1f %22.1f %8.3f %24.1f %8.3f %28.1f %8.3f %30s", c, frontHalf, bound, bound / raw,
                    oneStatement, oneStatement / raw, entryAndTotal, entryAndTotal / raw,
                    String.format("%.0f / %.0f / %.0f", raws[0], raws[1], raws[2])));
            // per operation, the machine's busy time: what each costs whatever part of the stack does the work
            double writesInRun = api * 10;
            double microsPerWrite = apiCoresUntilIdle.microsPer(writesInRun);
            double microsPerInsert = rawCores.microsPer(rawBefore * 10);
            ObjectNode cpu = row.putObject("cpu");
            coresJson(cpu.putObject("writes"), apiCores);
            coresJson(cpu.putObject("rawInserts"), rawCores);
            cpu.put("busyMicrosPerWrite", round(microsPerWrite)).put("busyMicrosPerRawInsert", round(microsPerInsert))
                    .put("costRatio", round(microsPerInsert / microsPerWrite));
            coreRows.add(coresRow(c, "writes", apiCores, String.format("%,.0f (%,.0f until consumers idle)",
                    apiCores.microsPer(writesInRun), microsPerWrite)));
            coreRows.add(coresRow(c, "raw inserts", rawCores, String.format("%,.0f", microsPerInsert)));
            // budget-service's own share during the run: the part no change behind its front door removes
            double budgetMicrosPerWrite = apiCores.microsPer("budget-service", writesInRun);
            cpu.put("budgetServiceMicrosPerWrite", round(budgetMicrosPerWrite));
            // each consumer's own CPU per event applied, from the run's start until it had applied them all (each
            // disbursement is one event for each; report-service also applies what indicator-service derives from it)
            double indicatorMicrosPerEvent = apiCoresUntilIdle.microsPer("indicator-service", writesInRun);
            double reportMicrosPerEvent = apiCoresUntilIdle.microsPer("report-service", writesInRun);
            cpu.put("indicatorServiceMicrosPerEvent", round(indicatorMicrosPerEvent))
                    .put("indicatorServiceRatioToRawInsert", round(indicatorMicrosPerEvent / microsPerInsert))
                    .put("reportServiceMicrosPerEvent", round(reportMicrosPerEvent))
                    .put("reportServiceRatioToRawInsert", round(reportMicrosPerEvent / microsPerInsert));
            costs.add(String.format("%-12d %22.0f %30.0f %24.0f %10.3f %18s %18s", c, microsPerWrite, budgetMicrosPerWrite,
                    microsPerInsert, microsPerInsert / microsPerWrite,
                    String.format("%.0f (%.2f)", indicatorMicrosPerEvent, indicatorMicrosPerEvent / microsPerInsert),
                    String.format("%.0f (%.2f)", reportMicrosPerEvent, reportMicrosPerEvent / microsPerInsert)));
        }
        System.out.printf("%n%-12s %26s %22s %8s %24s %8s %28s %8s %30s%n", "concurrency", "refused before database, /s",
                "bound, writes/s", "ratio", "one statement, SQL/s", "ratio", "entry and total alone, SQL/s", "ratio",
                "raw inserts/s, each of three");
        bounds.forEach(System.out::println);
        System.out.printf("%nwhere the cores went during each 10 s run (cores in use; steal: taken by the host)%n");
        System.out.printf("%-12s %-12s %7s %9s %7s %6s %8s %8s %6s %6s %6s %6s  %s%n", "concurrency", "run", "budget", "indicator",
                "report", "kafka", "postgres", "keycloak", "bench", "other", "steal", "idle", "busy µs per operation");
        coreRows.forEach(System.out::println);
        System.out.printf("%n%-12s %22s %30s %24s %10s %18s %18s%n", "concurrency", "busy µs per write",
                "of which budget-service's", "busy µs per raw insert", "cost ratio", "indicator µs/event", "report µs/event");
        costs.forEach(System.out::println);
        // the last paused run left a backlog: the parts after this one start with the consumers idle
        awaitConsumersIdle();
        writes.put("target", "at 32 clients: consumersPausedPerSecond ≥ 1.0 × entryAndTotalSqlPerSecond, ratio ≥ 0.25;"
                + " each consumer's µs per event ≤ 0.5 × busyMicrosPerRawInsert");
        writes.put("rawInsertsPerSecond", "pgbench's single-row inserts/s: the median of three 10 s runs (before the"
                + " warm-up, just before this concurrency's runs, just after them), each with the stack idle");
        writes.put("disbursementsPerCommit", "budget-service commits the disbursements that arrive together in one"
                + " transaction (DisbursementGroupCommit): the mean group size during the run");
        writes.put("consumersPaused", "the same run with indicator-service and report-service paused (SIGSTOP) while it"
                + " lasts, as they would run on other machines in the cluster: budget-service, its outbox relay, Kafka and"
                + " PostgreSQL alone on the two cores, which pgbench's raw rate also had to itself; the consumers catch up after");
        writes.put("refusedBeforeDatabase", "the same POSTs with a negative amount: the token verified, the JSON read and"
                + " validated, a 400 problem+json, no database work: budget-service's front half alone");
        writes.put("bound", "the most writes/s any design behind this front half could reach: refusedBeforeDatabase; at"
                + " concurrency 1, where each write needs a commit of its own after the front half, refusedBeforeDatabase ×"
                + " raw ÷ (refusedBeforeDatabase + raw)");
        writes.put("cpu", "cores in use per part of the stack during the first 10 s run of each concurrency and during"
                + " the pgbench run just before it (from /proc; bench: this program; other: busy and none of the parts, such as wrk;"
                + " steal: taken by the host); busyMicrosPerWrite: the machine's busy time from the run's start until the"
                + " consumers were idle, per write; busyMicrosPerRawInsert: the same for pgbench's inserts; costRatio:"
                + " their ratio, the write ratio the machine could reach if only CPU decided; budgetServiceMicrosPerWrite:"
                + " budget-service's own CPU time per write during the run; indicatorServiceMicrosPerEvent,"
                + " reportServiceMicrosPerEvent: each consumer's own CPU time (not PostgreSQL's work for it) from the run's"
                + " start until it was idle, per event applied, and each ÷ busyMicrosPerRawInsert");
        writes.put("onePerTransactionSql", "the SQL of one disbursement in a transaction of its own (lock the project,"
                + " read its lines, append the entry and the outbox event, move the line's totals, commit) run by pgbench"
                + " on the same schema: the most one transaction per disbursement could reach, without HTTP, tokens, JSON"
                + " or the JVM");
        writes.put("oneStatementSql", "the same disbursement as one statement (a data-modifying CTE: lock the project,"
                + " check the line's available funds, append the entry and the outbox event, move the line's total) in a"
                + " transaction of its own, one round trip, run by pgbench: the least a rule-checked disbursement with an"
                + " outbox costs the database; at concurrency 1, where no two writes can share a commit, no design that"
                + " answers after the commit passes it");
        writes.put("entryAndTotalSql", "the ledger entry and the line's total alone, one statement in a transaction of its"
                + " own (the total moves only while the line's arrived funds cover it, the entry only with it): no project"
                + " lock and no outbox row, as if the ledger were the outbox: a floor under any design that keeps this ledger");
    }

    /** The database's own rates per second at one concurrency, measured with the stack idle before the write runs. */
    private record DatabaseRates(double rawInserts, double statementByStatement, double oneStatement, double entryAndTotal) {
    }

    private static String coresRow(int concurrency, String run, CoreUse.Interval i, String perOperation) {
        Map<String, Double> c = i.cores();
        return String.format("%-12d %-12s %7.2f %9.2f %7.2f %6.2f %8.2f %8.2f %6.2f %6.2f %6.2f %6.2f  %s", concurrency, run,
                c.get("budget-service"), c.get("indicator-service"), c.get("report-service"), c.get("kafka"), c.get("postgres"),
                c.get("keycloak"), c.get("bench"), i.other(), i.steal(), i.idle(), perOperation);
    }

    private static void coresJson(ObjectNode node, CoreUse.Interval i) {
        i.cores().forEach((part, used) -> node.put(part, round(used)));
        node.put("other", round(i.other())).put("steal", round(i.steal())).put("idle", round(i.idle()))
                .put("seconds", round(i.seconds()));
    }

    /**
     * Autovacuum may be off on the server (it is on this machine's): dead row versions left by earlier
     * runs (the relay marks each outbox row published) would then slow this one. pgbench vacuums its own
     * tables before a run; the budget database gets the same.
     */
    private static void vacuumBudgetDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/jixiao_budget", "postgres", "");
                java.sql.Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("show autovacuum")) {
                rs.next();
                System.out.println("autovacuum is " + rs.getString(1) + " on this server; vacuuming jixiao_budget first");
            }
            st.execute("vacuum analyze");
        }
    }

    /**
     * Waits (at most a minute) until the outbox is published and both consumers have stopped applying
     * events (their inbox counts unchanged for a second), so that each concurrency starts with the
     * cores to itself, as the database's runs had them.
     */
    private void awaitConsumersIdle() throws SQLException, InterruptedException {
        try (Connection budgetDb = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/jixiao_budget", "postgres", "");
                Connection indicatorDb = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/jixiao_indicator", "postgres", "");
                Connection reportDb = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/jixiao_report", "postgres", "")) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            long before = -1;
            while (System.nanoTime() < deadline) {
                long applied = count(indicatorDb, "select count(*) from processed_event")
                        + count(reportDb, "select count(*) from processed_event");
                if (applied == before && count(budgetDb, "select count(*) from outbox_event where published_at is null") == 0) {
                    return;
                }
                before = applied;
                Thread.sleep(1000);
            }
            System.out.println("  (the consumers were still catching up after a minute; measuring anyway)");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Runs a measurement with indicator-service and report-service stopped (SIGSTOP) and resumes them
     * after it (SIGCONT), even if it fails. Ten seconds is far inside their Kafka session timeout, so
     * they resume in their consumer groups and apply the backlog.
     */
    private double withConsumersPaused(Measurement measurement) throws Exception {
        List<String> pids = new ArrayList<>();
        for (String service : List.of("indicator-service", "report-service")) {
            pids.add(Files.readString(run.resolve(service + ".pid")).trim());
        }
        signal("-STOP", pids);
        try {
            return measurement.run();
        } finally {
            signal("-CONT", pids);
        }
    }

    private static void signal(String signal, List<String> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        command.addAll(pids);
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("could not send " + signal + " to " + pids);
        }
    }

    @FunctionalInterface
    private interface Measurement {
        double run() throws Exception;
    }

    /** budget-service's commit groups so far: how many, and how many disbursements they held. */
    private double[] commitGroups() {
        String metrics = Http.get(budget + "/q/metrics", null).body();
        return new double[] { metric(metrics, "jixiao_disbursements_batch_size_count"),
                metric(metrics, "jixiao_disbursements_batch_size_sum") };
    }

    private static double metric(String prometheus, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(prometheus);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    /**
     * wrk (a C load generator, far lighter than a JVM client on the same two cores) posting disbursements
     * over {@code concurrency} connections, spread over the projects; only 201s count.
     */
    private double disbursements(int concurrency, Duration duration) throws IOException, InterruptedException {
        return postDisbursements(concurrency, duration, VALID_DISBURSEMENT, false);
    }

    /**
     * The same requests with a negative amount: signed in (the token verified), the JSON read and the
     * request validated, then refused with 400 before any database work. What the service's front half
     * alone can answer per second (every answer must be a 400): no write can go faster than that.
     */
    private double refusedBeforeDatabase(int concurrency, Duration duration) throws IOException, InterruptedException {
        return postDisbursements(concurrency, duration, REFUSED_DISBURSEMENT, true);
    }

    private double postDisbursements(int concurrency, Duration duration, String body, boolean refusalsExpected)
            throws IOException, InterruptedException {
        user = password("hhczj-user"); // tokens live 5 minutes; a run with its warm-up takes longer
        Path ids = Files.createTempFile("bench-projects", ".txt");
        Files.write(ids, projectIds);
        Path script = Files.createTempFile("bench-disbursements", ".lua");
        Files.writeString(script, """
                local ids = {}
                for line in io.lines("%s") do ids[#ids + 1] = line end
                local n = 0
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Authorization"] = "Bearer %s"
                wrk.body = '%s'
                -- each disbursement is a new write, so a key of its own: the run, wrk's thread, the count
                local threads = 0
                setup = function(thread)
                  threads = threads + 1
                  thread:set("id", threads)
                end
                request = function()
                  n = n + 1
                  wrk.headers["Idempotency-Key"] = "%s-" .. id .. "-" .. n
                  return wrk.format(nil, "/api/projects/" .. ids[(n %% #ids) + 1] .. "/disbursements")
                end
                """.formatted(ids, user, body, UUID.randomUUID()));
        Process p = new ProcessBuilder("wrk", "-t", Integer.toString(Math.min(concurrency, 2)), "-c",
                Integer.toString(concurrency), "-d", duration.toSeconds() + "s", "-s", script.toString(), budget)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS);
        Files.deleteIfExists(script);
        Files.deleteIfExists(ids);
        Matcher total = Pattern.compile("([0-9]+) requests in ").matcher(output);
        Matcher perSecond = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        if (!total.find() || !perSecond.find()) {
            throw new IllegalStateException("wrk said: " + output);
        }
        long requests = Long.parseLong(total.group(1));
        Matcher refused = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)").matcher(output);
        long failed = refused.find() ? Long.parseLong(refused.group(1)) : 0;
        Matcher errors = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")
                .matcher(output);
        if (refusalsExpected) {
            // Non-2xx counts every answer that is not 2xx/3xx: all of them must be (the 400s)
            if (failed != requests) {
                throw new IllegalStateException("expected every request refused, " + failed + " of " + requests + " were");
            }
            return Double.parseDouble(perSecond.group(1));
        }
        if (failed > 0 || errors.find()) {
            System.out.println("  (" + failed + " writes refused, socket errors: " + output.lines()
                    .filter(l -> l.contains("Socket errors")).findFirst().orElse("none") + ")");
        }
        // only the writes that were accepted (201) count
        return Double.parseDouble(perSecond.group(1)) * (requests - failed) / Math.max(1, requests);
    }

    /** pgbench: single-row inserts into a table shaped like a ledger row, same server, same concurrency. */
    private static double pgbench(int concurrency, int seconds) throws IOException, InterruptedException, SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            try (ResultSet rs = c.createStatement().executeQuery("select 1 from pg_database where datname='jixiao_bench_raw'")) {
                if (!rs.next()) {
                    c.createStatement().execute("create database jixiao_bench_raw");
                }
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/jixiao_bench_raw", "postgres", "")) {
            c.createStatement().execute("create table if not exists raw_insert (id uuid primary key, project_id uuid not null,"
                    + " amount numeric(18,2) not null, business_date date not null, recorded_at timestamptz not null)");
        }
        Path script = Files.createTempFile("raw-insert", ".sql");
        Files.writeString(script, "insert into raw_insert values (gen_random_uuid(), gen_random_uuid(), 0.01, current_date, now());\n");
        return Pgbench.transactionsPerSecond("jixiao_bench_raw", script, concurrency, seconds);
    }

    /**
     * Event freshness at a fixed write rate, over several runs of {@code duration} each, every one starting
     * with the consumers idle: one 15 s run holds the p99 in its 75 slowest events, and two runs minutes
     * apart differed by a quarter. The figures that count are those of all the runs' events together.
     * Without the write runs before it, the stack is cold: it first writes at the same rate for the
     * warm-up (--warmup seconds), so the compiled code and the consumers' batches are those of a warm stack.
     * After the write runs (wrk's) the stack is warm but this program's own client is not: its compiler
     * took cores from the stack during the first run, so it writes at the rate for --generator-warmup
     * seconds (30) first.
     */
    private void freshness(int rate, Duration duration, int runs, boolean stackCold) throws Exception {
        user = password("hhczj-user");
        Duration warmup = Duration.ofSeconds(Long.parseLong(stackCold ? args.getOrDefault("warmup", "120")
                : args.getOrDefault("generator-warmup", "30")));
        if (!warmup.isZero()) {
            System.out.printf("%nwarming up%s: %d writes/s for %d s%n", stackCold ? "" : " this program's client", rate,
                    warmup.toSeconds());
            // a token lives 5 minutes: the warm-up writes in pieces, each with a fresh one
            for (Duration left = warmup; !left.isNegative() && !left.isZero(); left = left.minusSeconds(60)) {
                user = password("hhczj-user");
                writeAtRate(rate, left.compareTo(Duration.ofSeconds(60)) < 0 ? left : Duration.ofSeconds(60));
            }
            user = password("hhczj-user");
        }
        ObjectNode f = results.putObject("eventFreshness");
        var each = f.putArray("runs");
        List<Long> all = new ArrayList<>();
        List<Long> relay = new ArrayList<>();
        List<Long> consumption = new ArrayList<>();
        long committedEvents = 0;
        double committedSeconds = 0;
        CoreUse cores = new CoreUse(this.run);
        for (int run = 1; run <= runs; run++) {
            awaitConsumersIdle();
            Instant start = Instant.now();
            CoreUse.Snapshot coresAtStart = cores.take();
            long[] checkpointerBefore = checkpointerCounters();
            long dirtyAtStart = dirtyKilobytes();
            writeAtRate(rate, duration);
            CoreUse.Interval coresWhileWriting = cores.since(coresAtStart);
            long[] checkpointer = checkpointerCounters();
            for (int i = 0; i < checkpointer.length; i++) {
                checkpointer[i] -= checkpointerBefore[i];
            }
            Thread.sleep(5000);
            Map<String, Instant> committed = times("jixiao_budget", "select event_id::text, occurred_at from outbox_event"
                    + " where event_type = 'jixiao.budget.FundsSpent.v1' and occurred_at >= ?", start);
            Map<String, Instant> published = times("jixiao_budget", "select event_id::text, published_at from outbox_event"
                    + " where event_type = 'jixiao.budget.FundsSpent.v1' and occurred_at >= ? and published_at is not null", start);
            Map<String, Instant> applied = times("jixiao_report", "select event_id::text, processed_at from processed_event"
                    + " where processed_at >= ?", start);
            long[] lags = lags(committed, applied);
            // which half of the way the time went: the relay's (commit to the broker's acknowledgement, marked
            // when the relay's pass has all its acks), and the broker's and report-service's after it
            long[] relayed = lags(committed, published);
            long[] consumed = lags(published, applied);
            relay.addAll(Arrays.stream(relayed).boxed().toList());
            consumption.addAll(Arrays.stream(consumed).boxed().toList());
            // the rate asked for is only what the client offered: the commits say what the service sustained
            Instant first = committed.values().stream().min(Instant::compareTo).orElse(start);
            Instant last = committed.values().stream().max(Instant::compareTo).orElse(start);
            double seconds = Math.max(0.001, Duration.between(first, last).toMillis() / 1000.0);
            committedEvents += committed.size();
            committedSeconds += seconds;
            Arrays.stream(lags).forEach(all::add);
            ObjectNode runJson = each.addObject();
            coresJson(runJson.putObject("cores"), coresWhileWriting);
            runJson.put("committedPerSecond", round(committed.size() / seconds)).put("events", committed.size())
                    .put("seenInReportService", lags.length).put("p50Millis", percentile(lags, 50))
                    .put("p99Millis", percentile(lags, 99)).put("maxMillis", lags.length == 0 ? -1 : lags[lags.length - 1])
                    .put("relayP50Millis", percentile(relayed, 50)).put("relayP99Millis", percentile(relayed, 99))
                    .put("afterRelayP50Millis", percentile(consumed, 50)).put("afterRelayP99Millis", percentile(consumed, 99))
                    .put("checkpointsBegun", checkpointer[0]).put("checkpointerBuffersWritten", checkpointer[1])
                    .put("backendBuffersWritten", checkpointer[2]).put("dirtyPageCacheMegabytesAtStart", dirtyAtStart / 1024);
            System.out.printf("%nevent freshness, run %d of %d, at %d writes/s offered (%.0f/s committed): %d events,"
                    + " p50 %d ms, p99 %d ms, max %d ms%n", run, runs, rate, committed.size() / seconds, lags.length,
                    percentile(lags, 50), percentile(lags, 99), lags.length == 0 ? -1 : lags[lags.length - 1]);
            System.out.printf("  of which commit → broker's ack (relay): p50 %d ms, p99 %d ms; ack → applied in report-service:"
                    + " p50 %d ms, p99 %d ms%n", percentile(relayed, 50), percentile(relayed, 99), percentile(consumed, 50),
                    percentile(consumed, 99));
            System.out.printf("  PostgreSQL while writing: %d checkpoints begun, %d buffers (%.0f MB) written by the checkpointer,"
                    + " %d by the sessions; the kernel had %d MB of dirty page cache (files not yet on disk) as it began%n",
                    checkpointer[0], checkpointer[1], checkpointer[1] * 8 / 1024.0, checkpointer[2], dirtyAtStart / 1024);
            Map<String, Double> c = coresWhileWriting.cores();
            System.out.printf("  cores in use while writing: budget %.2f, indicator %.2f, report %.2f, kafka %.2f, postgres %.2f,"
                    + " keycloak %.2f, bench (the load generator) %.2f, other %.2f, steal %.2f, idle %.2f%n",
                    c.get("budget-service"), c.get("indicator-service"), c.get("report-service"), c.get("kafka"),
                    c.get("postgres"), c.get("keycloak"), c.get("bench"), coresWhileWriting.other(), coresWhileWriting.steal(),
                    coresWhileWriting.idle());
        }
        long[] sorted = sortedOf(all);
        double sustained = committedEvents / Math.max(0.001, committedSeconds);
        f.put("rate", rate).put("warmupSeconds", warmup.toSeconds()).put("committedPerSecond", round(sustained))
                .put("events", committedEvents)
                .put("seenInReportService", sorted.length)
                .put("p50Millis", percentile(sorted, 50)).put("p99Millis", percentile(sorted, 99))
                .put("maxMillis", sorted.length == 0 ? -1 : sorted[sorted.length - 1])
                .put("relayP50Millis", percentile(sortedOf(relay), 50)).put("relayP99Millis", percentile(sortedOf(relay), 99))
                .put("afterRelayP50Millis", percentile(sortedOf(consumption), 50))
                .put("afterRelayP99Millis", percentile(sortedOf(consumption), 99))
                .put("target", "p99 ≤ 200 ms at 500 writes/s")
                .put("method", runs + " runs of " + duration.toSeconds() + " s, each from idle consumers; p50, p99 and max"
                        + " over all their events: from the outbox row's time (in the writing transaction) to report-service's"
                        + " inbox row (written with the batch's effects just before it commits); relay: from the outbox row's"
                        + " time to its published_at (set once the relay's pass has the broker's acks); afterRelay: from"
                        + " published_at to the inbox row (the broker, the consumer's fetch wait and the apply; a consumer"
                        + " may apply an event before its pass is marked, so this part can be below zero)");
        System.out.printf("%nevent freshness, all %d runs, at %d writes/s offered (%.0f/s committed): %d events, p50 %d ms,"
                + " p99 %d ms, max %d ms (target p99 ≤ 200 ms)%n", runs, rate, sustained, sorted.length, percentile(sorted, 50),
                percentile(sorted, 99), sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
    }

    /**
     * The server's checkpoints begun and the buffers written by its checkpointer and by the sessions (PostgreSQL
     * 15's pg_stat_bgwriter; its checkpointer reports writes as it goes, so a spread checkpoint shows while it
     * runs): whether the write runs' dirty pages were still being written while freshness was measured.
     */
    private static long[] checkpointerCounters() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/jixiao_budget", "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("select checkpoints_timed + checkpoints_req,"
                        + " buffers_checkpoint, buffers_backend from pg_stat_bgwriter")) {
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
        }
    }

    /**
     * The kernel's dirty page cache (Linux /proc/meminfo: Dirty plus Writeback), kB, or -1 elsewhere: the write
     * runs leave the broker's log files and the WAL in it, and flushing it competes with the commits' fsyncs.
     */
    private static long dirtyKilobytes() {
        try {
            long kb = 0;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("Dirty:") || line.startsWith("Writeback:")) {
                    kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return kb;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Milliseconds from each event's time in {@code from} to its time in {@code to}, for the events in both, sorted. */
    private static long[] lags(Map<String, Instant> from, Map<String, Instant> to) {
        return from.entrySet().stream().filter(e -> to.containsKey(e.getKey()))
                .mapToLong(e -> Duration.between(e.getValue(), to.get(e.getKey())).toMillis()).sorted().toArray();
    }

    private static long[] sortedOf(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Offers disbursements at a fixed rate for a while, each from a pool of 32 senders, and waits for their replies. */
    private void writeAtRate(int rate, Duration duration) throws Exception {
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        AtomicInteger sent = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        int total = (int) (rate * duration.toSeconds());
        String token = user;
        List<CompletableFuture<?>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
        var task = scheduler.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i < total) {
                pending.add(CompletableFuture.runAsync(() -> Http.post(budget + "/api/projects/"
                        + projectIds.get(i % projectIds.size()) + "/disbursements", token,
                        "{\"amount\":\"0.01\",\"spentOn\":\"2023-05-01\",\"payee\":\"压测\",\"purpose\":\"时效测试\"}"), senders));
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(duration.toMillis() + 200);
        task.cancel(false);
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            scheduler.shutdown();
            senders.shutdown();
        }
    }

    private Map<String, Instant> times(String database, String sql, Instant since) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return times;
    }

    /**
     * The seed's department report (34 projects, 52 indicators), warm: each format is called for
     * {@code --report-warmup} seconds (10 by default) before 60 measured calls. A handful of calls was not
     * enough for a report-service that had just restarted (run alone, after {@code ./jixiao restart}): its
     * compiled code was not there yet, and the figures were a cold JVM's.
     */
    private void reportAssembly() {
        ObjectNode r = results.putObject("reportAssembly");
        Duration warmup = Duration.ofSeconds(Long.parseLong(args.getOrDefault("report-warmup", "10")));
        System.out.println();
        for (String format : List.of("json", "html", "docx", "xlsx")) {
            String url = report + "/api/reports/HHGXJ/2023/report." + format;
            // a token per format: the parts before this one take longer than a token lives (5 minutes)
            String reviewer = password("reviewer");
            long warmUntil = System.nanoTime() + warmup.toNanos();
            int warmupCalls = 0;
            while (warmupCalls < 5 || System.nanoTime() < warmUntil) {
                Http.download(url, reviewer);
                warmupCalls++;
            }
            long[] times = new long[60];
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                Http.download(url, reviewer);
                times[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(times);
            double p50 = percentile(times, 50) / 1000.0;
            double p95 = percentile(times, 95) / 1000.0;
            r.put(format + "P50Millis", p50).put(format + "P95Millis", p95).put(format + "WarmupCalls", warmupCalls);
            System.out.printf("report.%-5s p50 %6.1f ms, p95 %6.1f ms (60 calls, after %d to warm up)%n", format, p50, p95,
                    warmupCalls);
        }
        r.put("target", "JSON ≤ 50 ms, .docx ≤ 150 ms (34 projects, 100 indicators), warm");
    }

    /**
     * The web console's pages (DESIGN §12: department home, a project's page and the review queue p95 ≤ 300 ms with the
     * seed's year), each signed in through Keycloak's form as a person is. The city dashboard with 100 departments
     * is timed with the synthetic city ({@link CityBenchmark}).
     */
    private void consolePages() throws Exception {
        String console = args.getOrDefault("console", "http://127.0.0.1:8084");
        String password = env("JIXIAO_TEST_USER_PASSWORD", "jixiao-test");
        ObjectNode c = results.putObject("console");
        System.out.println();
        ConsolePages staff = ConsolePages.signIn(console, "hhgxj-user", password);
        staff.time(c, "departmentHome", "department home (the seed's 2023)", "/departments/HHGXJ/2023", 300);
        JsonNode projects = Http.get(budget + "/api/projects?department=HHGXJ&year=2023", password("hhgxj-user")).json();
        staff.time(c, "projectPage", "a project's page (" + projects.get(0).path("name").asText() + ")",
                "/projects/" + projects.get(0).path("id").asText(), 300);
        ConsolePages reviewer = ConsolePages.signIn(console, "reviewer", password);
        reviewer.time(c, "reviewQueue", "review queue (2023)", "/review?year=2023", 300);
        reviewer.time(c, "cityDashboardDemo", "city dashboard (the demo's departments)", "/city?year=2023", 500);
    }

    /** The synthetic city on a broker and a report-service of its own: live intake, rebuild, reports. */
    private void city() throws Exception {
        SyntheticCity.Shape shape = new SyntheticCity.Shape(Integer.parseInt(args.getOrDefault("departments", "100")),
                Integer.parseInt(args.getOrDefault("projects", "40")), Integer.parseInt(args.getOrDefault("entries", "100")),
                List.of(args.getOrDefault("years", "2021,2022,2023").split(",")).stream().map(Integer::valueOf).toList());
        new CityBenchmark(run.resolve("bench-city-kafka"),
                args.getOrDefault("issuer", "http://127.0.0.1:8180/realms/jixiao"),
                Path.of("report-service/target/quarkus-app/quarkus-run.jar"), run.resolve("bench-city-report-service.log"),
                shape).run(results, () -> password("reviewer"), () -> password("admin"),
                        new CityBenchmark.Console(Path.of("web-console/target/quarkus-app/quarkus-run.jar"),
                                run.resolve("bench-city-web-console.log"), budget, args.getOrDefault("indicator", "http://127.0.0.1:8082"),
                                env("JIXIAO_TEST_USER_PASSWORD", "jixiao-test")));
    }

    /**
     * Resident memory after the load and at its peak since the start (the kernel's high-water mark), and the
     * JVM and options each service runs with (they decide both); then the start time over a few restarts.
     */
    private void footprint() throws IOException, InterruptedException {
        ObjectNode f = results.putObject("footprint");
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        System.out.println();
        for (String service : List.of("budget-service", "indicator-service", "report-service")) {
            String pid = Files.readString(run.resolve(service + ".pid")).trim();
            List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
            long rssMb = statusKilobytes(status, "VmRSS:") / 1024;
            long peakMb = statusKilobytes(status, "VmHWM:") / 1024;
            String commandLine = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ').trim();
            ObjectNode row = f.putObject(service).put("rssMegabytes", rssMb).put("peakRssMegabytes", peakMb)
                    .put("commandLine", commandLine);
            System.out.printf("%-18s RSS %4d MB (peak %4d MB) after the load (target ≤ 300 MB)%n", service, rssMb, peakMb);
            rows.put(service, row);
        }
        // one start says little on two shared cores: each service is restarted alone a few times, the others running
        for (var service : rows.entrySet()) {
            List<BigDecimal> starts = new ArrayList<>();
            for (int i = 0; i < START_SAMPLES; i++) {
                restart(service.getKey());
                starts.add(loggedStartSeconds(service.getKey()));
            }
            List<BigDecimal> sorted = starts.stream().sorted().toList();
            service.getValue().put("startSeconds", sorted.get(sorted.size() / 2)).put("startSecondsMax", sorted.get(sorted.size() - 1));
            service.getValue().putArray("startSecondsEach").addAll(starts.stream().map(Http.JSON.getNodeFactory()::numberNode).toList());
            System.out.printf("%-18s started in %s s (median of %d restarts; each: %s) (target ≤ 3 s)%n", service.getKey(),
                    sorted.get(sorted.size() / 2), starts.size(), starts);
        }
    }

    /** {@code ./jixiao restart}: the service stopped and started again as the stack starts it, the others running. */
    private static void restart(String service) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("./jixiao", "restart", service).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("./jixiao restart " + service + " said: " + output);
        }
    }

    /** The start time Quarkus logged ("started in 2.345s") in the service's latest log. */
    private BigDecimal loggedStartSeconds(String service) throws IOException {
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(run.resolve(service + ".log")));
        String start = null;
        while (m.find()) {
            start = m.group(1);
        }
        if (start == null) {
            throw new IllegalStateException(service + " logged no start time in " + run.resolve(service + ".log"));
        }
        return new BigDecimal(start);
    }

    private static long statusKilobytes(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
