package io.jixiao.common.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the client must see as an RFC 9457 problem (application/problem+json). Thrown by the
 * services; turned into the response by {@code rest.ProblemMapper}. Nothing has changed when it is
 * thrown: the surrounding transaction rolls back.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = properties;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist", Map.of());
    }

    /** A request that names a field wrongly: 400, with the field in the body. */
    public static ProblemException invalidField(String field, String message) {
        message = ProblemMapper.capped(message);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("field", field);
        props.put("violations", java.util.List.of(Map.of("field", field, "message", message)));
        return new ProblemException(400, "invalid-request", "Invalid request", field + ": " + message, props);
    }

    /** A business rule refused the write (409), with the figures on both sides. */
    public static ProblemException ruleBroken(String type, String title, String detail, Map<String, Object> figures) {
        return new ProblemException(409, type, title, detail, figures);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
