package io.jixiao.infra;

/** A database that lives for one test run. */
public record TemporaryDatabase(PostgresServer server, String name) implements AutoCloseable {

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    @Override
    public void close() {
        server.dropDatabase(name);
    }
}
