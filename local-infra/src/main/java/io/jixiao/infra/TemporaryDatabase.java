package io.jixiao.infra;

/** A database that lives for one test run, with the role its service runs as ({@code <name>_app}). */
public record TemporaryDatabase(PostgresServer server, String name) implements AutoCloseable {

    /** The runtime roles' password in the tests (trust authentication on this machine's server ignores it). */
    static final String RUNTIME_PASSWORD = "runtime-test";

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** The role the service runs as: it may not change what the append-only tables keep. */
    public String runtimeUser() {
        return name + "_app";
    }

    public String runtimePassword() {
        return RUNTIME_PASSWORD;
    }

    @Override
    public void close() {
        server.dropDatabase(name);
        server.dropRole(runtimeUser());
    }
}
