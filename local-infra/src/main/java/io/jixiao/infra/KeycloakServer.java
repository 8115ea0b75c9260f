package io.jixiao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak from its Maven Central distribution, in its own process, with a realm imported (the
 * local stack and the tests: {@link TestRealm}). The distribution is unpacked once per version under
 * {@code ~/.cache/jixiao/} (its first start also builds it, about 80 s here; later starts take about 25 s).
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /** The master realm's admin password, unless the environment given to {@link #start} sets another. */
    public static final String TEST_ADMIN_PASSWORD = "keycloak-test-admin";

    private final Path home;
    private final int port;
    private final String realm;
    private final Path log;
    private Process process;
    private final Thread shutdownHook = new Thread(this::killQuietly, "keycloak-shutdown");

    private KeycloakServer(Path home, int port, String realm, Path log) {
        this.home = home;
        this.port = port;
        this.realm = realm;
        this.log = log;
    }

    /**
     * Unpacks {@code distZip} (if not yet), puts {@code imports} (a realm file, and users files of that
     * realm) up for import and starts Keycloak in dev mode on 127.0.0.1:{@code port}, with the issuer
     * pinned to that address.
     */
    public static KeycloakServer start(Path distZip, List<Path> imports, String realm, int port, Path logFile,
            Map<String, String> environment) {
        Path home = unpack(distZip);
        KeycloakServer server = new KeycloakServer(home, port, realm, logFile);
        server.launch(imports, environment);
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the realm's tokens, as the services must be configured with it. */
    public String issuer() {
        return baseUrl() + "/realms/" + realm;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    private void launch(List<Path> imports, Map<String, String> environment) {
        try {
            Path importDirectory = home.resolve("data/import");
            Files.createDirectories(importDirectory);
            try (var old = Files.list(importDirectory)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            for (Path file : imports) {
                Files.copy(file, importDirectory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl(),
                "--db=dev-mem", "--health-enabled=true", "--import-realm", "--log-level=WARN",
                // a free management port, not the fixed 9000: the tests' Keycloak may run beside the local stack's
                "--http-management-port=" + KafkaBroker.freePort());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", environment.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD",
                TEST_ADMIN_PASSWORD));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak: " + command, e);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitReady();
    }

    private void awaitReady() {
        HttpReadiness.await("Keycloak", process, URI.create(issuer() + "/.well-known/openid-configuration"),
                READY_TIMEOUT, Duration.ofMillis(500), log);
    }

    /** Lets Keycloak outlive this JVM (the local stack); its pid goes to {@code pidFile}. */
    public synchronized long detach(Path pidFile) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // nothing to remove
        }
        long pid = process.pid();
        try {
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = null;
        return pid;
    }

    /**
     * The pid of a detached Keycloak (its {@code pidFile}) that is alive and serves the realm at
     * {@code issuer}; empty when there is none, or it does not answer within 10 s.
     */
    public static java.util.OptionalLong runningDetached(Path pidFile, String issuer) {
        try {
            if (!Files.exists(pidFile)) {
                return java.util.OptionalLong.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return java.util.OptionalLong.empty();
            }
            java.net.http.HttpResponse<Void> discovery = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return discovery.statusCode() == 200 ? java.util.OptionalLong.of(pid) : java.util.OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return java.util.OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalLong.empty();
        }
    }

    /** Stops a detached Keycloak (and the JVM kc.sh started) by its pid file; true if one was running. */
    public static boolean stopDetached(Path pidFile) {
        return Processes.stopByPidFile(pidFile, Duration.ofSeconds(30));
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        Processes.stop(process.toHandle(), Duration.ofSeconds(30));
        process = null;
        Processes.forget(shutdownHook);
    }

    private void killQuietly() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Unpacks the distribution once, into a folder named after the zip (shared by later runs). */
    static Path unpack(Path distZip) {
        String name = distZip.getFileName().toString().replaceAll("\\.zip$", "");
        Path target = Path.of(System.getProperty("user.home"), ".cache", "jixiao", name);
        Path complete = target.resolve(".unpacked");
        if (Files.exists(complete)) {
            return home(target);
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distZip))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
            Files.writeString(complete, distZip.toString());
            return home(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + distZip, e);
        }
    }

    private static Path home(Path unpacked) {
        try (var entries = Files.list(unpacked)) {
            return entries.filter(p -> Files.isDirectory(p) && Files.exists(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak distribution in " + unpacked));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
