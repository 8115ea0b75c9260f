package io.jixiao.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.demo.SeedDemo.Endpoints;

/**
 * DESIGN §12 "loss", as an operator would check it: a department keeps recording disbursements, each retried
 * under its own Idempotency-Key until it is acknowledged, while the platform is made to fail under it (the broker
 * killed and restarted, then stalled; each service killed with SIGKILL and restarted; the databases cut off). Then:
 * the ledger holds exactly the acknowledged disbursements (count and sum), none twice and none missing, and
 * indicator-service and report-service converge on the ledger's figures for every project.
 */
public final class FaultDrill {

    /** What the drill does to the platform. Each call returns once the failed part is back (or, for a stall, over). */
    public interface Faults {

        void killBroker();

        void stallBroker(Duration stall);

        /** budget-service, indicator-service or report-service. */
        void killService(String name);

        /** The services' databases cut off for a few seconds, every session on them ended (a restart, a failover). */
        void cutOffDatabases();
    }

    /** What the drill found. */
    public record Result(int acknowledged, BigDecimal acknowledgedYuan, int ledgerEntries, BigDecimal ledgerYuan,
            int twice, int missing, int retries, int gaveUp, boolean indicatorConverged, boolean reportConverged,
            Duration convergedWithin) {

        public boolean holds() {
            return acknowledged == ledgerEntries && acknowledgedYuan.compareTo(ledgerYuan) == 0 && twice == 0 && missing == 0
                    && gaveUp == 0 && indicatorConverged && reportConverged;
        }
    }

    /**
     * The drill against the local stack ({@code ./jixiao drill}): each fault is {@code ./jixiao fault ...}, which
     * knows the stack's processes. Prints the figures; exits 1 when the ledger or a consumer does not hold.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> a = Options.parse(args);
        Endpoints at = Endpoints.from(a);
        String jixiao = a.getOrDefault("jixiao", "./jixiao");
        Faults faults = new Faults() {
            @Override
            public void killBroker() {
                run(jixiao, "fault", "kill-broker");
            }

            @Override
            public void stallBroker(Duration stall) {
                run(jixiao, "fault", "stall-broker", Long.toString(stall.toSeconds()));
            }

            @Override
            public void killService(String name) {
                run(jixiao, "fault", "kill", name);
            }

            @Override
            public void cutOffDatabases() {
                run(jixiao, "fault", "cut-off-databases", "5");
            }
        };
        String secret = System.getenv().getOrDefault("JIXIAO_PORTAL_CLIENT_SECRET", "portal-test-secret");
        String password = System.getenv().getOrDefault("JIXIAO_TEST_USER_PASSWORD", "jixiao-test");
        Result result = new FaultDrill(at, a.getOrDefault("department", "HHCZJ"), a.getOrDefault("user", "hhczj-user"),
                password, secret, System.out).run(faults, Integer.parseInt(a.getOrDefault("writers", "8")),
                        Integer.parseInt(a.getOrDefault("projects", "20")),
                        Duration.ofSeconds(Long.parseLong(a.getOrDefault("between", "10"))));
        System.out.println(result.holds() ? "HOLDS: " + result : "DOES NOT HOLD: " + result);
        System.exit(result.holds() ? 0 : 1);
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final Endpoints at;
    private final String department;
    private final String userName;
    private final String password;
    private final String portalSecret;
    private final PrintStream log;
    private final AtomicReference<String> userToken = new AtomicReference<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /**
     * @param department a department whose test user {@code userName} signs in (its token's department claim)
     */
    public FaultDrill(Endpoints at, String department, String userName, String password, String portalSecret,
            PrintStream log) {
        this.at = at;
        this.department = department;
        this.userName = userName;
        this.password = password;
        this.portalSecret = portalSecret;
        this.log = log;
    }

    /**
     * Runs the drill: {@code writers} clients writing across {@code projects} projects, a fault every
     * {@code between}, and the checks once the writes are answered.
     */
    public Result run(Faults faults, int writers, int projects, Duration between) throws InterruptedException {
        String portal = Http.token(at.tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_id",
                "finance-portal", "client_secret", portalSecret));
        signIn();
        Map<String, String> lines = setUp(portal, projects);
        List<String> projectIds = new ArrayList<>(lines.keySet());

        Map<String, String[]> acknowledged = new ConcurrentHashMap<>(); // key -> {entry id, project, amount}
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger gaveUp = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(writer, projectIds, lines, writing, acknowledged, retries, gaveUp),
                    "drill-writer-" + w);
            thread.start();
            threads.add(thread);
        }
        Thread refresher = new Thread(() -> {
            while (writing.get()) {
                sleep(Duration.ofSeconds(60));
                signIn();
            }
        }, "drill-sign-in");
        refresher.setDaemon(true);
        refresher.start();

        step("writing", between);
        fault("broker killed (SIGKILL) and restarted", faults::killBroker, between);
        fault("broker stalled (SIGSTOP) for 8 s, services left running", () -> faults.stallBroker(Duration.ofSeconds(8)),
                between);
        for (String service : List.of("budget-service", "indicator-service", "report-service")) {
            fault(service + " killed (SIGKILL) and restarted", () -> faults.killService(service), between);
        }
        fault("databases cut off for 5 s, every session ended", faults::cutOffDatabases, between);
        writing.set(false);
        for (Thread thread : threads) {
            thread.join(GIVE_UP_AFTER.toMillis() + 30_000);
        }
        log.printf("drill %s: %d disbursements acknowledged, %d retries, %d given up%n", run, acknowledged.size(),
                retries.get(), gaveUp.get());
        return check(portal, projectIds, acknowledged, retries.get(), gaveUp.get());
    }

    private Map<String, String> setUp(String portal, int projects) {
        Http.Reply registered = Http.post(at.budget() + "/api/departments", portal,
                "{\"code\":\"" + department + "\",\"name\":\"演练单位 " + department + "\"}");
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("could not register " + department + ": " + registered.body());
        }
        Map<String, String> lines = new HashMap<>();
        for (int i = 0; i < projects; i++) {
            Http.Reply project = Http.post(at.budget() + "/api/projects", portal, """
                    {"departmentCode":"%s","fiscalYear":2023,"name":"故障演练 %s-%d","category":"OPENING_BUDGET",
                     "budget":"100000000.00"}""".formatted(this.department, run, i));
            expect(project, 201);
            String id = project.json().get("id").asText();
            expect(Http.post(at.budget() + "/api/projects/" + id + "/arrivals", portal, """
                    {"amount":"100000000.00","arrivedOn":"2023-03-01"}"""), 201);
            lines.put(id, project.json().at("/fundingLines/0/id").asText());
        }
        return lines;
    }

    /** One client: disbursements one after another, each retried under its key until it is answered. */
    private void write(int writer, List<String> projects, Map<String, String> lines, AtomicBoolean writing,
            Map<String, String[]> acknowledged, AtomicInteger retries, AtomicInteger gaveUp) {
        for (int n = 0; writing.get(); n++) {
            String project = projects.get((writer + n) % projects.size());
            // whole hundreds of yuan: the report shows 万元 to two places, so each one shows there too
            String amount = (n % 97 + 1) * 100 + ".00";
            String key = "drill-" + run + "-" + writer + "-" + n;
            String body = """
                    {"fundingLineId":"%s","amount":"%s","spentOn":"2023-06-30","payee":"演练收款方","purpose":"故障演练"}"""
                    .formatted(lines.get(project), amount);
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (true) {
                HttpResponse<String> response = post(at.budget() + "/api/projects/" + project + "/disbursements", key, body);
                if (response != null && response.statusCode() == 201) {
                    String entry = Http.json(response.body()).get("id").asText();
                    acknowledged.put(key, new String[] { entry, project, amount });
                    break;
                }
                if (response != null && response.statusCode() < 500 && response.statusCode() != 401) {
                    throw new IllegalStateException("disbursement " + key + " refused: " + response.statusCode() + " "
                            + response.body());
                }
                if (System.nanoTime() > deadline) {
                    gaveUp.incrementAndGet();
                    break;
                }
                retries.incrementAndGet();
                sleep(Duration.ofMillis(200));
            }
        }
    }

    private HttpResponse<String> post(String url, String key, String body) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + userToken.get()).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // the service is away: the same key again, in a moment
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Result check(String portal, List<String> projects, Map<String, String[]> acknowledged, int retries,
            int gaveUp) throws InterruptedException {
        Map<String, BigDecimal> ackedPerProject = new HashMap<>();
        Set<String> ackedEntries = new HashSet<>();
        BigDecimal ackedSum = BigDecimal.ZERO.setScale(2);
        for (String[] a : acknowledged.values()) {
            ackedEntries.add(a[0]);
            BigDecimal amount = new BigDecimal(a[2]);
            ackedPerProject.merge(a[1], amount, BigDecimal::add);
            ackedSum = ackedSum.add(amount);
        }
        int entries = 0;
        BigDecimal ledgerSum = BigDecimal.ZERO.setScale(2);
        Set<String> seen = new HashSet<>();
        int twice = 0;
        Map<String, BigDecimal> spent = new HashMap<>();
        for (String project : projects) {
            String next = "/api/projects/" + project + "/ledger?limit=1000";
            while (next != null) {
                JsonNode page = expect(Http.get(at.budget() + next, portal), 200).json();
                for (JsonNode e : page.get("entries")) {
                    if (!"DISBURSEMENT".equals(e.get("kind").asText())) {
                        continue;
                    }
                    entries++;
                    ledgerSum = ledgerSum.add(new BigDecimal(e.get("amount").asText()));
                    if (!seen.add(e.get("id").asText()) || !ackedEntries.contains(e.get("id").asText())) {
                        twice++;
                    }
                }
                next = page.get("next").isNull() ? null : page.get("next").asText();
            }
            spent.put(project, new BigDecimal(expect(Http.get(at.budget() + "/api/projects/" + project + "/balance", portal),
                    200).json().at("/total/spent").asText()));
        }
        Set<String> missing = new HashSet<>(ackedEntries);
        missing.removeAll(seen);
        log.printf("ledger: %d disbursements, %s yuan; acknowledged: %d, %s yuan; twice or unacknowledged: %d; missing: %d%n",
                entries, ledgerSum.toPlainString(), acknowledged.size(), ackedSum.toPlainString(), twice, missing.size());

        long started = System.nanoTime();
        boolean indicator = awaitConverged(() -> {
            Map<String, BigDecimal> view = new HashMap<>();
            for (JsonNode p : Http.get(at.indicator() + "/api/departments/" + department + "/years/2023/ledger",
                    userToken.get()).json()) {
                view.put(p.get("projectId").asText(), new BigDecimal(p.get("spent").asText()));
            }
            return projects.stream().allMatch(p -> spent.get(p).compareTo(view.getOrDefault(p, BigDecimal.ONE.negate())) == 0);
        });
        boolean report = awaitConverged(() -> {
            Map<String, String> view = new HashMap<>();
            for (JsonNode p : Http.get(at.report() + "/api/reports/" + department + "/2023", userToken.get()).json()
                    .get("projects")) {
                view.put(p.get("id").asText(), p.get("spent").asText());
            }
            return projects.stream().allMatch(p -> Summary.wan(spent.get(p)).equals(view.get(p)));
        });
        Duration within = Duration.ofNanos(System.nanoTime() - started);
        log.printf("indicator-service %s, report-service %s on every project's spending, within %.1f s%n",
                indicator ? "converged" : "DID NOT converge", report ? "converged" : "DID NOT converge",
                within.toMillis() / 1000.0);
        return new Result(acknowledged.size(), ackedSum, entries, ledgerSum, twice, missing.size(), retries, gaveUp,
                indicator, report, within);
    }

    private boolean awaitConverged(java.util.function.BooleanSupplier converged) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (converged.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a service still starting: ask again
            }
            Thread.sleep(500);
        }
        return false;
    }

    private void fault(String what, Runnable fault, Duration thenWrite) {
        long started = System.nanoTime();
        fault.run();
        log.printf("fault: %s (%.1f s)%n", what, (System.nanoTime() - started) / 1e9);
        sleep(thenWrite);
    }

    private void step(String what, Duration during) {
        log.printf("drill %s: %s for %d s%n", run, what, during.toSeconds());
        sleep(during);
    }

    private void signIn() {
        try {
            userToken.set(Http.token(at.tokenEndpoint(), Map.of("grant_type", "password", "client_id", "jixiao-test-login",
                    "username", userName, "password", password)));
        } catch (RuntimeException e) {
            log.println("sign-in failed, keeping the last token: " + e.getMessage());
        }
    }

    private static Http.Reply expect(Http.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
