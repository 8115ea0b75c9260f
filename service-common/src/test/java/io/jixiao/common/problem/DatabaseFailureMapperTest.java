package io.jixiao.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class DatabaseFailureMapperTest {

    private final DatabaseFailureMapper mapper = new DatabaseFailureMapper();

    @Test
    void aLostConnectionAsksTheClientToRetry() {
        for (SQLException cause : new SQLException[] {
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"),
                new SQLException("This connection has been closed.", "08003"),
                new SQLException("Connection refused", "08001"),
                new SQLException("FATAL: the database system is starting up", "57P03"),
                new SQLException("FATAL: sorry, too many clients already", "53300"),
                new SQLException("Sorry, acquisition timeout!") }) {
            Response response = mapper.failed(new PersistenceException("JDBC exception executing SQL", cause));
            assertEquals(503, response.getStatus(), cause.getMessage());
            assertEquals("1", response.getHeaderString("Retry-After"));
            assertEquals("application/problem+json", response.getMediaType().toString());
            assertEquals("urn:jixiao:problem:database-unavailable", body(response).get("type"));
        }
    }

    @Test
    void aStatementTheDatabaseRefusedIsAnInternalErrorWithAnIdAndNoSql() {
        SQLException cause = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"ledger_entry_pkey\"", "23505");
        Response response = mapper.failed(cause);
        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        Map<String, Object> body = body(response);
        assertEquals("urn:jixiao:problem:internal-error", body.get("type"));
        String errorId = (String) body.get("errorId");
        assertTrue(errorId != null && ((String) body.get("detail")).contains(errorId), body.toString());
        assertFalse(body.toString().contains("ledger_entry_pkey"), body.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return (Map<String, Object>) response.getEntity();
    }
}
