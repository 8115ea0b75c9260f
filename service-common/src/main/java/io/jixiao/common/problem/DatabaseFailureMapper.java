package io.jixiao.common.problem;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.arc.ArcUndeclaredThrowableException;

/**
 * A request the database failed. When the database was out of reach (restarting, failing over, or every
 * pooled connection busy) the client gets 503 with Retry-After: the request did not complete and the same
 * request will work a moment later. Any other database failure is a fault of ours: 500, with an error id
 * the operator finds in the log, and no SQL or stack trace in the body. Both leave as problem+json, like
 * every other refusal.
 */
public class DatabaseFailureMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseFailureMapper.class);

    /**
     * What the database's failures reach a resource as: Hibernate's, plain JDBC's, {@code @Transactional}'s
     * when the commit failed, and a failed commit's checked RollbackException thrown through a CDI interceptor.
     */
    @ServerExceptionMapper({ PersistenceException.class, SQLException.class, TransactionalException.class,
            ArcUndeclaredThrowableException.class })
    public Response failed(Throwable e) {
        if (DatabaseOutOfReach.causedBy(e)) {
            LOG.warnf("request refused with 503: the database is out of reach (%s)", DatabaseOutOfReach.describe(e));
            return ProblemMapper.response(new ProblemException(503, "database-unavailable", "Database unavailable",
                    "the service could not reach its database, so the request was not completed; retry it in a moment."
                            + " Where a write takes an Idempotency-Key, retrying it with the same key records it at most once",
                    java.util.Map.of()));
        }
        return UnexpectedFailureMapper.internalError(e, LOG);
    }
}
