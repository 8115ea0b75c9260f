package io.jixiao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the services as a packaged application ({@code quarkus-run.jar}) in its own JVM. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with the given environment and waits until its readiness check answers 200. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path log,
            Duration timeout) {
        ServiceProcess service = new ServiceProcess(name, port, log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            service.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        service.awaitReady(timeout);
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) {
        HttpReadiness.await(name, process, URI.create(baseUrl() + "/q/health/ready"), timeout, Duration.ofMillis(300), log);
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** A free port on 127.0.0.1. */
    public static int freePort() {
        return KafkaBroker.freePort();
    }
}
