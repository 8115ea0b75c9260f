package io.jixiao.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The web console's pages as a signed-in person loads them, timed: a session is opened through the real code flow
 * (the console's redirect to Keycloak, its sign-in form, the redirect back), then each page is fetched warm with
 * that session's cookie and its p50/p95 reported next to DESIGN §12's target.
 */
final class ConsolePages {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final int WARMUP = 30;
    private static final int MEASURED = 100;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String console;
    /** One jar for the console and Keycloak (both on 127.0.0.1, as a browser would share them); Secure ignored on loopback. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private ConsolePages(String console) {
        this.console = console;
    }

    /** A session of {@code user}'s, signed in the way a browser is. */
    static ConsolePages signIn(String console, String user, String password) throws IOException, InterruptedException {
        ConsolePages session = new ConsolePages(console);
        HttpResponse<String> page = session.follow(HttpRequest.newBuilder(URI.create(console + "/")).GET().build());
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("the console did not lead to Keycloak's sign-in form: " + page.uri());
        }
        String action = form.group(1).replace("&amp;", "&");
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> home = session.follow(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (home.statusCode() != 200 || !home.uri().toString().startsWith(console)) {
            throw new IllegalStateException(user + " did not get back to the console: " + home.statusCode() + " " + home.uri());
        }
        return session;
    }

    /** Times a page: {@value #WARMUP} loads to warm up, then {@value #MEASURED} measured; each must answer 200. */
    void time(ObjectNode results, String key, String label, String path, int targetMillis) throws IOException, InterruptedException {
        for (int i = 0; i < WARMUP; i++) {
            load(path);
        }
        long[] micros = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            load(path);
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        double p50 = Benchmarks.percentile(micros, 50) / 1000.0;
        double p95 = Benchmarks.percentile(micros, 95) / 1000.0;
        results.putObject(key).put("path", path).put("p50Millis", p50).put("p95Millis", p95).put("targetP95Millis", targetMillis)
                .put("p95OfTarget", Math.round(p95 / targetMillis * 1000) / 1000.0);
        System.out.printf("console %-36s p50 %6.1f ms, p95 %6.1f ms = %.2f of the %d ms target (%d loads, after %d)%n", label,
                p50, p95, p95 / targetMillis, targetMillis, MEASURED, WARMUP);
    }

    private void load(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(console + path)).GET().build());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + page.statusCode());
        }
    }

    /** Sends, keeping cookies, and follows redirects (303 and 302 as GETs) to the final answer. */
    private HttpResponse<String> follow(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            withCookies.setHeader("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
