package io.jixiao.infra;

import java.nio.file.Path;

/**
 * The local stack's Keycloak, as a command: {@code start <dist.zip> <repositoryRoot> <port> <runDir>} starts
 * it with the {@link TestRealm} imported and leaves it running, or leaves alone the one running already if it
 * serves the realm on that port (its realm lives in memory: a restart would lose every account and session made
 * since); {@code stop <runDir>} stops it.
 */
public final class LocalKeycloak {

    public static void main(String[] args) {
        if (args.length == 5 && args[0].equals("start")) {
            Path run = Path.of(args[4]);
            String issuer = "http://127.0.0.1:" + Integer.parseInt(args[3]) + "/realms/" + TestRealm.NAME;
            java.util.OptionalLong running = KeycloakServer.runningDetached(run.resolve("keycloak.pid"), issuer);
            if (running.isPresent()) {
                System.out.println("keycloak " + issuer + " already running, pid " + running.getAsLong() + ": left as it is");
                return;
            }
            if (KeycloakServer.stopDetached(run.resolve("keycloak.pid"))) {
                System.err.println("stopped the Keycloak left running: it did not serve " + issuer);
            }
            long started = System.nanoTime();
            KeycloakServer keycloak = KeycloakServer.start(Path.of(args[1]),
                    TestRealm.importFiles(Path.of(args[2]), run.resolve("keycloak-import")), TestRealm.NAME,
                    Integer.parseInt(args[3]), run.resolve("keycloak.log"), TestRealm.environment());
            long pid = keycloak.detach(run.resolve("keycloak.pid"));
            System.out.printf("keycloak %s started, ready in %.0f s, pid %d%n", keycloak.issuer(),
                    (System.nanoTime() - started) / 1e9, pid);
        } else if (args.length == 2 && args[0].equals("stop")) {
            System.out.println(KeycloakServer.stopDetached(Path.of(args[1]).resolve("keycloak.pid"))
                    ? "keycloak stopped" : "keycloak was not running");
        } else {
            System.err.println("usage: LocalKeycloak start <dist.zip> <repositoryRoot> <port> <runDir> | stop <runDir>");
            System.exit(2);
        }
    }

    private LocalKeycloak() {
    }
}
