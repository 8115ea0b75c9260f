package io.jixiao.infra;

/** {@code LocalDatabases name...}: creates the local stack's databases that do not exist yet. */
public final class LocalDatabases {

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
        }
        System.out.println("databases ready: " + String.join(", ", names));
    }

    private LocalDatabases() {
    }
}
