package io.jixiao.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request whose Content-Length is over {@code quarkus.http.limits.max-body-size} gets a 413 problem
 * naming the body and the limit. Quarkus refuses it too, but with an empty body: the portal then logs a
 * bare 413 and an operator cannot tell which limit was hit. Runs just before Quarkus' own check (order
 * -2), so nothing of the body is read and nothing changes; like Quarkus, it then closes the connection
 * rather than reading the rest of a body it will not use. A chunked body has no length to check up front:
 * Quarkus stops reading it at the limit and answers 413 itself.
 */
@ApplicationScoped
public class OversizedBodyRefusal {

    /** Quarkus' own check of the same limit is a route of order -2. */
    static final int ROUTE_ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        if (maxBodySize.isPresent()) {
            long limit = maxBodySize.get().asLongValue();
            router.route().order(ROUTE_ORDER).handler(c -> refuseOver(limit, c));
        }
    }

    private void refuseOver(long limit, RoutingContext context) {
        long length = declaredLength(context);
        if (length <= limit) {
            context.next();
            return;
        }
        String detail = "the request body is " + length + " bytes; at most " + limit + " bytes ("
                + limit / 1024 + " KB) are accepted";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", "body");
        properties.put("limitBytes", limit);
        properties.put("violations", List.of(Map.of("field", "body", "message", "is over " + limit + " bytes")));
        ProblemException refusal = new ProblemException(413, "body-too-large", "Request body too large", detail, properties);
        String text;
        try {
            text = json.writeValueAsString(ProblemMapper.body(refusal));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response();
        response.setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONNECTION, "close");
        response.endHandler(ended -> context.request().connection().close());
        response.end(text);
    }

    /** The declared length, or -1 when there is none or it is not a number (Vert.x refuses the latter itself). */
    private static long declaredLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
