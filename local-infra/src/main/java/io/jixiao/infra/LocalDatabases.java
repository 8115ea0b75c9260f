package io.jixiao.infra;

/**
 * {@code LocalDatabases name...}: creates the local stack's databases that do not exist yet, and the role each
 * service runs as ({@code <database>_app}).
 */
public final class LocalDatabases {

    /** The local stack's runtime roles' password (the machine's server trusts local connections anyway). */
    public static final String RUNTIME_PASSWORD = "jixiao-local";

    public static void main(String[] names) {
        PostgresServer server = PostgresServer.fromEnvironment();
        try {
            server.requireReachable();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        for (String name : names) {
            server.ensureDatabase(name);
            // the role the service runs as (its migrations, as the server's user, grant it what it may do)
            server.ensureRuntimeRole(name + "_app", RUNTIME_PASSWORD);
        }
        System.out.println("databases ready: " + String.join(", ", names) + " (each service runs as <database>_app)");
    }

    private LocalDatabases() {
    }
}
