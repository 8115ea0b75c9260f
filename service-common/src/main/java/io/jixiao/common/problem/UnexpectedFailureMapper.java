package io.jixiao.common.problem;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A failure nothing else maps: a fault of ours. The client gets a 500 problem like every other refusal,
 * with an error id to quote; the operator finds the same id in the log with the stack trace. Neither
 * the exception's message nor its trace reaches the client: they may hold SQL, data or internals.
 */
public class UnexpectedFailureMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class);

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            // a status chosen on purpose (404 for an unknown path, 405, 415...): it keeps its response
            return web.getResponse();
        }
        return internalError(e, LOG);
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
