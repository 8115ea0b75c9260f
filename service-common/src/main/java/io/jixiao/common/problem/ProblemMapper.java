package io.jixiao.common.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.jixiao.common.json.RefusedValue;


/**
 * Every refusal leaves as {@code application/problem+json} (RFC 9457): a type, a title, the status,
 * a detail a person can read, and for bad input the fields at fault, so a client can show the
 * message next to the field.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:jixiao:problem:";
    private static final int MAX_VIOLATIONS = 50;

    /** A 503 always means "not done, try again shortly": the header says when. */
    static final int RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e);
    }

    static Response response(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(PROBLEM_JSON).entity(body(e));
        if (e.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", capped(v.getMessage())))
                .limit(MAX_VIOLATIONS)
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                .collect(Collectors.joining("; "));
        Map<String, Object> body = body(400, "invalid-request", "Invalid request", detail);
        body.put("field", violations.isEmpty() ? null : violations.get(0).get("field"));
        body.put("violations", violations);
        return Response.status(400).type(PROBLEM_JSON).entity(body).build();
    }

    /** A value of the wrong type ("amount": "abc", an unknown category) or an unknown field. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** Not JSON at all. */
    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message;
        if (e instanceof RefusedValue refused) {
            message = refused.reason();
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            message = "is not a valid " + format.getTargetType().getSimpleName() + quoted(format.getValue());
        } else if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (field.isEmpty()) {
            message = "the request body is not valid JSON";
        } else {
            message = "has the wrong type";
        }
        String name = field.isEmpty() ? "body" : field;
        Map<String, Object> body = body(400, "invalid-request", "Invalid request", name + ": " + message);
        body.put("field", name);
        body.put("violations", List.of(Map.of("field", name, "message", message)));
        return Response.status(400).type(PROBLEM_JSON).entity(body).build();
    }

    /** A short refused value, quoted; nothing for a long one (a refusal never echoes what could be megabytes). */
    private static String quoted(Object value) {
        String text = String.valueOf(value);
        return value == null || text.length() > 40 || io.jixiao.common.json.Text.problem(text) != null ? ""
                : ": '" + text + "'";
    }

    /** The problem's body: type, title, status, detail, then its own properties (which cannot replace those four). */
    static Map<String, Object> body(ProblemException e) {
        Map<String, Object> body = body(e.status(), e.type(), e.title(), e.getMessage());
        e.properties().forEach(body::putIfAbsent);
        return body;
    }

    private static Map<String, Object> body(int status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", capped(detail));
        return body;
    }

    /**
     * A detail (or a violation's message) is a sentence or a few: whatever produced it, a refusal stays a few
     * kilobytes at most.
     */
    static String capped(String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }

    private static final int MAX_DETAIL = 500;

    /**
     * The field as the client named it. A violation's path is method, parameter, then the body's
     * properties ("amount", "fundingLines[1].name"); a query or path parameter is named by itself
     * ("month"). Resources call their body parameter {@code request}: a violation of the body itself
     * (it is missing) is "body".
     */
    private static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        nodes.removeIf(node -> node.getKind() == ElementKind.METHOD);
        if (nodes.size() == 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            String name = nodes.get(0).getName();
            return "request".equals(name) ? "body" : name;
        }
        List<String> names = new ArrayList<>();
        for (Path.Node node : nodes) {
            if (node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            } else if (node.getKey() != null && !names.isEmpty() && name.startsWith("<")) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "." + node.getKey());
                continue;
            }
            if (!name.isEmpty() && !name.startsWith("<")) {
                names.add(name);
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
