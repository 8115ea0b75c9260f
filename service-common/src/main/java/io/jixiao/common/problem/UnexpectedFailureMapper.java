package io.jixiao.common.problem;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A failure nothing else maps. A status the framework chose (an unknown path, a method or media type the
 * path does not take) stays that status, as a problem. Anything else is a fault of ours: the client gets
 * a 500 problem like every other refusal,
 * with an error id to quote; the operator finds the same id in the log with the stack trace. Neither
 * the exception's message nor its trace reaches the client: they may hold SQL, data or internals.
 */
public class UnexpectedFailureMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class);

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, Request request, UriInfo uri) {
        if (e instanceof WebApplicationException web) {
            return chosenStatus(web.getResponse(), request.getMethod() + " /" + uri.getPath().replaceFirst("^/", ""));
        }
        return internalError(e, LOG);
    }

    /**
     * A status chosen on purpose, mostly by the framework (404 for an unknown path, 405, 406, 415): it
     * keeps its status and headers (a 405's Allow), and an empty body becomes a problem like ours.
     */
    static Response chosenStatus(Response chosen, String call) {
        if (chosen.getStatus() < 400 || chosen.hasEntity()) {
            return chosen;
        }
        Response.StatusType status = chosen.getStatusInfo();
        String phrase = status.getReasonPhrase().toLowerCase(Locale.ROOT);
        String title = Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
        Response.ResponseBuilder problem = Response.fromResponse(ProblemMapper.response(new ProblemException(
                status.getStatusCode(), phrase.replaceAll("[^a-z0-9]+", "-"), title, call + ": " + phrase + hint(chosen),
                Map.of())));
        chosen.getStringHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem.build();
    }

    private static String hint(Response chosen) {
        return switch (chosen.getStatus()) {
            case 405 -> chosen.getAllowedMethods().isEmpty() ? ""
                    : "; this path takes " + String.join(", ", chosen.getAllowedMethods());
            case 415 -> "; send the body as application/json";
            default -> "";
        };
    }

    /** 500 {@code internal-error} with a fresh error id, logged with the failure. */
    static Response internalError(Throwable e, Logger log) {
        String errorId = UUID.randomUUID().toString();
        log.errorf(e, "request failed: error id %s", errorId);
        return ProblemMapper.response(new ProblemException(500, "internal-error", "Internal error",
                "the request failed and was not completed; quote error id " + errorId + " to the operators",
                Map.of("errorId", errorId)));
    }
}
