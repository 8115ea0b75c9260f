package io.jixiao.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generated bad input against every write endpoint of a service (read from its OpenAPI document, so a new
 * endpoint cannot be left out): each field of each request body replaced by values no field of its kind
 * accepts (numbers with huge exponents or too many digits, text with control, bidirectional or unpaired
 * surrogate characters, the wrong JSON type, impossible dates, a required field missing), then whole bodies
 * that are not JSON or not what the endpoint reads (truncated, nested ten thousand deep, duplicate keys,
 * random bytes and malformed UTF-8, wrong content types), and path parameters with control characters or
 * far longer than any id.
 * Every answer must be a 4xx problem ({@code application/problem+json} stating the same status) within a
 * few seconds: never a 2xx, never a 5xx, and never a body that grows with the input.
 */
public final class MalformedInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    /** A refusal says what was wrong in a few lines, whatever was sent. */
    private static final int MAX_PROBLEM_BYTES = 8 * 1024;

    private final String baseUrl;
    private final Map<String, String> pathValues;
    private final Function<String, String> tokenFor;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261203);

    /**
     * @param pathValues what each path parameter is replaced with (existing resources, so that a refusal is about
     *        the body, not a 404)
     * @param tokenFor a token allowed to make the operation ("POST /api/projects/{projectId}/disbursements")
     */
    public MalformedInput(String baseUrl, Map<String, String> pathValues, Function<String, String> tokenFor) {
        this.baseUrl = baseUrl;
        this.pathValues = pathValues;
        this.tokenFor = tokenFor;
    }

    /** A request sent and what came back. */
    private record Sent(String operation, String what, int status, String contentType, String body) {
        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
            return operation + " with " + what + ": " + status + " " + contentType + " " + shown;
        }
    }

    /** Rows per table, to compare before and after: a refused request changes none of them. */
    public static Map<String, Long> rowCounts(javax.sql.DataSource db, String... tables) throws java.sql.SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement()) {
            for (String table : tables) {
                try (java.sql.ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Sends everything; returns how many requests were sent, or fails listing every wrong answer. */
    public int check() {
        JsonNode doc = openApi();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!Set.of("post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                for (Sent answer : attack(doc, operation, path.getKey(), method.getValue())) {
                    sent++;
                    String fault = fault(answer);
                    if (fault != null) {
                        wrong.add(fault + ": " + answer);
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " of " + sent + " malformed requests were not refused with a 4xx problem:\n  "
                    + String.join("\n  ", wrong.subList(0, Math.min(60, wrong.size()))));
        }
        return sent;
    }

    private static String fault(Sent answer) {
        if (answer.status() < 400) {
            return "accepted";
        }
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")
                || !answer.body().contains("\"status\":" + answer.status())) {
            return "not a problem";
        }
        if (answer.body().getBytes(StandardCharsets.UTF_8).length > MAX_PROBLEM_BYTES) {
            return "an overlong problem";
        }
        return null;
    }

    private List<Sent> attack(JsonNode doc, String operation, String path, JsonNode spec) {
        List<Sent> answers = new ArrayList<>();
        String token = tokenFor.apply(operation);
        String url = concrete(path, null);
        JsonNode schema = resolve(doc, spec.at("/requestBody/content/application~1json/schema"));
        ObjectNode base = schema != null && schema.has("properties") ? example(doc, schema) : JSON.createObjectNode();
        if (schema != null && schema.has("properties")) {
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.get("properties").fields(); props.hasNext();) {
                Map.Entry<String, JsonNode> prop = props.next();
                JsonNode type = resolve(doc, prop.getValue());
                for (Map.Entry<String, String> bad : badValues(type, required.contains(prop.getKey())).entrySet()) {
                    String body = withRaw(base, prop.getKey(), bad.getValue());
                    answers.add(send(operation, prop.getKey() + " = " + bad.getKey(), url, token, "application/json",
                            body.getBytes(StandardCharsets.UTF_8)));
                }
            }
            answers.add(send(operation, "an unknown field", url, token, "application/json",
                    withRaw(base, "noSuchField", "1").getBytes(StandardCharsets.UTF_8)));
            String first = base.fieldNames().hasNext() ? base.fieldNames().next() : "x";
            answers.add(send(operation, "a duplicate key", url, token, "application/json",
                    ("{\"" + first + "\":" + base.get(first) + "," + base.toString().substring(1)).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] json = base.toString().getBytes(StandardCharsets.UTF_8);
        if (spec.has("requestBody")) {
            // an operation that takes no body reads none: what it would be sent is beside the point
            for (Map.Entry<String, byte[]> bad : badBodies(base).entrySet()) {
                answers.add(send(operation, bad.getKey(), url, token, "application/json", bad.getValue()));
            }
            answers.add(send(operation, "text/plain", url, token, "text/plain", json));
            answers.add(send(operation, "application/xml", url, token, "application/xml",
                    "<a>1</a>".getBytes(StandardCharsets.UTF_8)));
        }
        if (PARAM.matcher(path).find()) {
            // long, but within the HTTP server's 4 KB request line (beyond it, the server itself answers 414)
            for (String value : List.of("%00", "%1B%5B31m", "%E2%80%AE", "%FF%FE", "x".repeat(1000))) {
                answers.add(send(operation, "path parameter " + value.substring(0, Math.min(12, value.length())),
                        concrete(path, value), token, "application/json", json));
            }
        }
        return answers;
    }

    /** Values no field of this kind takes, as JSON text, by what they are. */
    private static Map<String, String> badValues(JsonNode type, boolean required) {
        Map<String, String> bad = new LinkedHashMap<>();
        String t = type == null ? "" : type.path("type").asText("");
        String format = type == null ? "" : type.path("format").asText("");
        if (required) {
            bad.put("null (it is required)", "null");
        }
        bad.put("an array", "[1,2]");
        bad.put("an object", "{\"a\":1}");
        if (t.equals("number") || t.equals("integer") || (t.equals("string") && isDecimalString(type))) {
            for (String number : List.of("1e-200000000", "1e200000000", "-1e999999999", "1e-3000000", "1E+2147483647",
                    "1" + "0".repeat(60), "0." + "0".repeat(60) + "1", "1" + "9".repeat(990))) {
                bad.put("the number " + abbreviate(number), number);
                bad.put("the string \"" + abbreviate(number) + "\"", "\"" + number + "\"");
            }
            bad.put("NaN", "\"NaN\"");
            bad.put("Infinity", "\"Infinity\"");
            bad.put("a word", "\"abc\"");
            bad.put("a boolean", "true");
            if (t.equals("integer")) {
                bad.put("a fraction", "2023.5");
                bad.put("an int overflow", "99999999999999999999");
                bad.put("an integer as a string", "\"2023\"");
            }
            return bad;
        }
        if (t.equals("boolean")) {
            bad.put("a number", "1");
            bad.put("a string", "\"true\"");
            return bad;
        }
        if (t.equals("string")) {
            bad.put("a number", "123");
            bad.put("a boolean", "false");
            bad.put("an escaped NUL", "\"a\\u0000b\"");
            bad.put("an escaped ESC", "\"a\\u001b[31mb\"");
            bad.put("a C1 control", "\"a\\u0085b\"");
            bad.put("a right-to-left override", "\"a\\u202eb\"");
            bad.put("an unpaired surrogate", "\"a\\ud800b\"");
            bad.put("a raw control byte", "\"a\u0001b\"");
            bad.put("25,000 characters", "\"" + "绩".repeat(25_000) + "\"");
            if (format.equals("date")) {
                for (String date : List.of("2023-02-30", "+999999999-12-31", "1900-01-01", "2023-13-01", "2023/05/10", "")) {
                    bad.put("the date " + date, "\"" + date + "\"");
                }
            } else if (format.equals("uuid")) {
                bad.put("not a UUID", "\"not-a-uuid\"");
            } else if (type.has("enum")) {
                bad.put("no such value", "\"NO_SUCH_VALUE\"");
                bad.put("an enum index", "0");
            }
        }
        return bad;
    }

    /** Amounts travel as decimal strings: a string whose example or pattern is a number. */
    private static boolean isDecimalString(JsonNode type) {
        return type.path("format").asText("").equals("number") || type.path("pattern").asText("").contains("[0-9]");
    }

    private Map<String, byte[]> badBodies(ObjectNode base) {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        String json = base.toString();
        bad.put("an empty body", new byte[0]);
        bad.put("a truncated body", json.substring(0, Math.max(1, json.length() / 2)).getBytes(StandardCharsets.UTF_8));
        bad.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        bad.put("a JSON array", ("[" + json + "]").getBytes(StandardCharsets.UTF_8));
        bad.put("a JSON number", "1e-200000000".getBytes(StandardCharsets.UTF_8));
        bad.put("arrays nested 10,000 deep", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        bad.put("objects nested 10,000 deep", ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[2048];
        random.nextBytes(noise);
        bad.put("random bytes", noise);
        ByteArrayOutputStream malformed = new ByteArrayOutputStream();
        malformed.writeBytes("{\"a\":\"".getBytes(StandardCharsets.UTF_8));
        malformed.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 0 });
        malformed.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        bad.put("malformed UTF-8", malformed.toByteArray());
        byte[] withNul = json.replaceFirst(":\"", ":\"\u0000").getBytes(StandardCharsets.UTF_8);
        bad.put("a raw NUL byte in a text", withNul);
        return bad;
    }

    private Sent send(String operation, String what, String url, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(operation.substring(0, operation.indexOf(' ')), HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Sent(operation, what, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            return new Sent(operation, what, 599, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A body of the operation's shape with plausible values, to carry one bad value at a time. */
    private static ObjectNode example(JsonNode doc, JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> props = schema.get("properties").fields(); props.hasNext();) {
            Map.Entry<String, JsonNode> prop = props.next();
            JsonNode type = resolve(doc, prop.getValue());
            String t = type == null ? "" : type.path("type").asText("");
            String format = type == null ? "" : type.path("format").asText("");
            if (type != null && type.has("enum")) {
                body.set(prop.getKey(), type.get("enum").get(0));
            } else if (format.equals("date")) {
                body.put(prop.getKey(), "2023-05-10");
            } else if (format.equals("uuid")) {
                body.put(prop.getKey(), UUID.randomUUID().toString());
            } else if (t.equals("integer")) {
                body.put(prop.getKey(), 2023);
            } else if (t.equals("number") || isDecimalString(type)) {
                body.put(prop.getKey(), "100.00");
            } else if (t.equals("boolean")) {
                body.put(prop.getKey(), false);
            } else if (t.equals("array")) {
                body.putArray(prop.getKey());
            } else if (t.equals("object")) {
                body.putObject(prop.getKey());
            } else {
                body.put(prop.getKey(), "测试");
            }
        }
        return body;
    }

    private static String withRaw(ObjectNode base, String field, String rawValue) {
        ObjectNode copy = base.deepCopy();
        copy.remove(field);
        String rest = copy.toString();
        return "{\"" + field + "\":" + rawValue + (rest.equals("{}") ? "}" : "," + rest.substring(1));
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            return resolve(doc, doc.at(schema.get("$ref").asText().substring(1)));
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return resolve(doc, schema.get("allOf").get(0));
        }
        return schema;
    }

    private static String abbreviate(String s) {
        return s.length() <= 16 ? s : s.substring(0, 12) + "…(" + s.length() + ")";
    }

    private JsonNode openApi() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path with each parameter replaced: by its value, or by {@code bad} when given. */
    private String concrete(String path, String bad) {
        Matcher m = PARAM.matcher(path);
        StringBuilder url = new StringBuilder(baseUrl);
        int last = 0;
        while (m.find()) {
            url.append(path, last, m.start());
            String value = bad != null ? bad : pathValues.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for path parameter {" + m.group(1) + "} of " + path);
            }
            url.append(value);
            last = m.end();
        }
        return url.append(path.substring(last)).toString();
    }
}
