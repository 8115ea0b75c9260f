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
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final Duration timeout;
    private Process process;

    private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log,
            Duration timeout) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.timeout = timeout;
    }

    /** Starts the jar with the given environment and waits until its readiness check answers 200. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path log,
            Duration timeout) {
        ServiceProcess service = new ServiceProcess(name, jar, port, environment, log, timeout);
        service.launch();
        return service;
    }

    /**
     * Kills the service as a node failure or the kernel's OOM killer would (SIGKILL: no shutdown, requests in
     * flight cut off), then starts it again on the same port and waits until it is ready.
     */
    public synchronized void killAndRestart() {
        if (process != null) {
            Processes.kill(process.toHandle());
        }
        launch();
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        awaitReady(timeout);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) {
        HttpReadiness.await(name, process, URI.create(baseUrl() + "/q/health/ready"), timeout, Duration.ofMillis(300), log);
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        Processes.stop(process.toHandle(), Duration.ofSeconds(20));
        process = null;
    }

    /** A free port on 127.0.0.1. */
    public static int freePort() {
        return KafkaBroker.freePort();
    }
}
