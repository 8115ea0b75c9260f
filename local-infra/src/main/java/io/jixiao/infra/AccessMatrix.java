package io.jixiao.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.build.Jwt;

/**
 * Every endpoint of a service (read from its own OpenAPI document, so a new endpoint cannot be
 * forgotten) called by every principal: each role, a user of another department, and a token with no
 * role of ours. Expected: 403 for a role the endpoint does not allow; 404 for another department's
 * resource; otherwise neither 401 nor 403 (nor a server error). Also: tokens that are not valid
 * tokens of this issuer (none, expired, another issuer, another key, {@code alg: none}, not a JWT) get 401.
 * Every 401, 403 and 404 must be an {@code application/problem+json} body, and a 401 a Bearer challenge.
 */
public final class AccessMatrix {

    public static final List<String> ROLES = List.of("dept-user", "dept-lead", "finance-reviewer", "portal-client", "admin");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    /** A caller: a token, the role it carries, and whether it belongs to another department. */
    public record Principal(String name, String token, String role, boolean otherDepartment) {
    }

    private final String baseUrl;
    private final String department;
    private final Map<String, Set<String>> allowed;
    private final Map<String, String> pathValues;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param allowed for each operation ("GET /api/projects/{projectId}"), the roles that may call it
     * @param pathValues what each path parameter is replaced with: resources of {@code department}
     */
    public AccessMatrix(String baseUrl, String department, Map<String, Set<String>> allowed,
            Map<String, String> pathValues) {
        this.baseUrl = baseUrl;
        this.department = department;
        this.allowed = allowed;
        this.pathValues = pathValues;
    }

    /** The principals: one per role of {@code department}, another department's user and lead, and no role. */
    public List<Principal> principals(String otherDepartment) {
        List<Principal> principals = new ArrayList<>();
        for (String role : ROLES) {
            boolean departmental = role.startsWith("dept-");
            principals.add(new Principal(role, TestTokens.token(role + "-subject", departmental ? department : null, role),
                    role, false));
        }
        principals.add(new Principal("dept-user of " + otherDepartment,
                TestTokens.token("other-user", otherDepartment, "dept-user"), "dept-user", true));
        principals.add(new Principal("dept-lead of " + otherDepartment,
                TestTokens.token("other-lead", otherDepartment, "dept-lead"), "dept-lead", true));
        principals.add(new Principal("no role", TestTokens.token("nobody", department, "offline_access"), null, false));
        return principals;
    }

    /** Runs the matrix; returns the cells (operations × principals) checked, or fails listing every wrong cell. */
    public int check(String otherDepartment) {
        List<String> operations = operations();
        Set<String> undeclared = new TreeSet<>(operations);
        undeclared.removeAll(allowed.keySet());
        Set<String> stale = new TreeSet<>(allowed.keySet());
        stale.removeAll(operations);
        if (!undeclared.isEmpty() || !stale.isEmpty()) {
            throw new AssertionError("the access table and the OpenAPI document disagree: not in the table "
                    + undeclared + ", not in the service " + stale);
        }
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            for (Principal p : principals(otherDepartment)) {
                cells++;
                Answer answer = call(method, concrete(path), p.token());
                int status = answer.status();
                boolean roleAllowed = p.role() != null && allowed.get(operation).contains(p.role());
                String expected;
                boolean ok;
                if (!roleAllowed) {
                    expected = "403";
                    ok = status == 403;
                } else if (p.otherDepartment() && method.equals("GET") && departmentScoped(path)) {
                    expected = "404";
                    ok = status == 404;
                } else {
                    expected = "not 401/403/5xx";
                    ok = status != 401 && status != 403 && status < 500;
                }
                if (!ok) {
                    wrong.add(operation + " as " + p.name() + ": " + status + ", expected " + expected);
                } else if ((status == 403 || status == 404) && !answer.isProblem()) {
                    wrong.add(operation + " as " + p.name() + ": " + status + " without a problem body: " + answer);
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " of " + cells + " cells wrong:\n  " + String.join("\n  ", wrong));
        }
        return cells;
    }

    /** No token, an expired one, another issuer's, one signed by another key, {@code alg: none}, not a JWT: all 401. */
    public void checkInvalidTokens(String path) {
        List<String> wrong = new ArrayList<>();
        String url = concrete(path);
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("expired", Jwt.claims().subject("late").issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("admin"))).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().keyId("1").sign());
        tokens.put("another issuer", Jwt.claims().subject("x").issuer("https://evil.example.com")
                .audience(TestTokens.AUDIENCE).claim("realm_access", Map.of("roles", List.of("admin"))).jws().keyId("1")
                .sign());
        tokens.put("another audience", Jwt.claims().subject("x").issuer(TestTokens.ISSUER).audience("someone-else")
                .claim("realm_access", Map.of("roles", List.of("admin"))).jws().keyId("1").sign());
        tokens.put("another key", Jwt.claims().subject("x").issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("admin"))).jws().keyId("1").sign(otherKey().getPrivate()));
        String valid = TestTokens.admin();
        String payload = valid.split("\\.")[1];
        tokens.put("alg none", Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".");
        tokens.put("not a JWT", "opaque-" + java.util.UUID.randomUUID());
        tokens.forEach((name, token) -> {
            Answer answer = call("GET", url, token);
            if (answer.status() != 401) {
                wrong.add(name + ": " + answer.status());
            } else if (!answer.isProblem() || answer.challenge() == null || !answer.challenge().startsWith("Bearer")) {
                wrong.add(name + ": 401 without a problem body and a Bearer challenge: " + answer);
            }
        });
        if (call("GET", url, valid).status() == 401) {
            wrong.add("a valid admin token was refused too");
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("tokens that must get 401 on " + path + " did not: " + wrong);
        }
    }

    /** The service's operations, "METHOD /path", from its OpenAPI document (health and metrics excluded). */
    public List<String> operations() {
        JsonNode doc;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            doc = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        operations.sort(null);
        return operations;
    }

    private boolean departmentScoped(String path) {
        return path.contains("{code}") || path.contains("{projectId}") || path.contains("{id}");
    }

    private String concrete(String path) {
        Matcher m = PARAM.matcher(path);
        StringBuilder url = new StringBuilder(baseUrl);
        int last = 0;
        while (m.find()) {
            url.append(path, last, m.start());
            String name = m.group(1);
            String value = name.equals("code") ? department : pathValues.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for path parameter {" + name + "} of " + path);
            }
            url.append(value);
            last = m.end();
        }
        // query parameters some reads require; endpoints that take none ignore them
        return url.append(path.substring(last)).append("?month=6&year=2023&department=").append(department).toString();
    }

    /** What a client sees of a refusal: the status, the body's type and status, and the challenge. */
    record Answer(int status, String contentType, String body, String challenge) {

        /** An RFC 9457 problem that states the same status as the response. */
        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json")
                    && body.contains("\"status\":" + status);
        }
    }

    private Answer call(String method, String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
