package io.jixiao.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node KRaft Kafka broker, run from the Maven Central jars in its own JVM.
 *
 * <p>Its own process because the broker's dependencies (Scala, its Jackson) must not mix with the
 * services' classpath, and because a separate process is what tests need to simulate an outage:
 * {@link #stop()} takes the broker away, {@link #start()} brings it back on the same port with the
 * same data, as a restarted broker would; {@link #pause()} stops it answering at once (SIGSTOP), as a
 * broker stalled by its machine does. A test broker ({@link #startFresh(Path)}) is reached through a
 * {@link BrokerLink}, which can hold chosen kinds of request: its {@link #bootstrapServers()} are the
 * link's.
 */
public final class KafkaBroker implements BrokerControl, AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final int brokerPort;
    private final int controllerPort;
    private final int defaultPartitions;
    /** The port the broker advertises for its listener behind the link (the link's own), or 0 without a link. */
    private final int linkPort;
    private final int linkedListenerPort;
    private BrokerLink link;
    private Process process;
    private final Thread shutdownHook = new Thread(this::killQuietly, "kafka-broker-shutdown");

    private KafkaBroker(Path workDir, int brokerPort, int controllerPort, int defaultPartitions, int linkPort) {
        this.workDir = workDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.defaultPartitions = defaultPartitions;
        this.linkPort = linkPort;
        this.linkedListenerPort = linkPort == 0 ? 0 : freePort();
    }

    /**
     * A test broker on free ports with fresh storage under {@code workDir}, started and ready, reached through a
     * {@link BrokerLink}.
     */
    public static KafkaBroker startFresh(Path workDir) {
        KafkaBroker broker = new KafkaBroker(workDir, freePort(), freePort(), 3, freePort());
        broker.link = new BrokerLink(broker.linkPort, broker.linkedListenerPort);
        broker.writeConfigAndFormat();
        broker.start();
        return broker;
    }

    /** Reopens a broker whose storage was formatted earlier (the local stack's re-runs); no link. */
    public static KafkaBroker reopen(Path workDir, int brokerPort, int controllerPort, int defaultPartitions) {
        KafkaBroker broker = new KafkaBroker(workDir, brokerPort, controllerPort, defaultPartitions, 0);
        if (!Files.exists(workDir.resolve("data/meta.properties"))) {
            broker.writeConfigAndFormat();
        } else {
            broker.writeConfig();
        }
        broker.start();
        return broker;
    }

    /** Where clients connect: the link, for a test broker; else the broker itself. */
    public String bootstrapServers() {
        return "127.0.0.1:" + (link != null ? linkPort : brokerPort);
    }

    public Path logFile() {
        return workDir.resolve("broker.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = javaCommand("kafka.Kafka", workDir.resolve("server.properties").toString());
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch the Kafka broker: " + command, e);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitReady();
    }

    /** Stops the broker gracefully (controlled shutdown); its data stay for {@link #start()}. */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Processes.stop(process.toHandle(), Duration.ofSeconds(30));
        process = null;
        Processes.forget(shutdownHook);
    }

    /**
     * Kills the broker as a node failure would (SIGKILL: no controlled shutdown, its logs recovered on the way
     * back), then starts it again with the same data and waits until it answers.
     */
    public synchronized void killAndRestart() {
        if (process != null) {
            Processes.kill(process.toHandle());
            process = null;
            Runtime.getRuntime().removeShutdownHook(shutdownHook); // start() adds it again
        }
        start();
    }

    /** SIGSTOP: the broker stops answering at once, its connections stay open, nothing of it is shut down. */
    @Override
    public synchronized void pause() {
        signal("STOP");
    }

    /** SIGCONT: the paused broker goes on where it stopped. */
    @Override
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void holdRequests(Duration hold, short... apiKeys) {
        requireLink().hold(hold, apiKeys);
    }

    @Override
    public void releaseRequests() {
        requireLink().release();
    }

    private BrokerLink requireLink() {
        if (link == null) {
            throw new IllegalStateException("this broker is not behind a link (only a test broker from startFresh is)");
        }
        return link;
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (link != null) {
                link.close();
            }
        }
    }

    /**
     * Lets the broker outlive this JVM (the local stack): no shutdown hook kills it, and its pid is
     * written to {@code broker.pid} for {@link #stopDetached(Path)}.
     */
    public synchronized long detach() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // nothing to remove
        }
        long pid = process.pid();
        try {
            Files.writeString(workDir.resolve("broker.pid"), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = null;
        return pid;
    }

    /**
     * The pid of a detached broker (its pid file in {@code workDir}) that is alive and answers at
     * {@code bootstrapServers}; empty when there is none, or it does not answer within 10 s.
     */
    public static java.util.OptionalLong runningDetached(Path workDir, String bootstrapServers) {
        Path pidFile = workDir.resolve("broker.pid");
        try {
            if (!Files.exists(pidFile)) {
                return java.util.OptionalLong.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && answers(bootstrapServers)) {
                return java.util.OptionalLong.of(pid);
            }
            return java.util.OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private static boolean answers(String bootstrapServers) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops a detached broker by its pid file; true if one was running. */
    public static boolean stopDetached(Path workDir) {
        return Processes.stopByPidFile(workDir.resolve("broker.pid"), Duration.ofSeconds(30));
    }

    /** Creates topics that do not exist yet (a consumer's first assignment on a missing topic is slow). */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(bootstrapServers(), partitionsByTopic);
    }

    public static void createTopics(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            partitionsByTopic.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1)));
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("could not create topic " + name, e);
                }
            });
        }
    }

    private void writeConfigAndFormat() {
        writeConfig();
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = javaCommand("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                workDir.resolve("server.properties").toString());
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            if (!format.waitFor(90, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed; see " + logFile() + "\n" + tailOfLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private void writeConfig() {
        try {
            Files.createDirectories(workDir);
            String config = String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort
                            + (link == null ? "" : ",LINKED://127.0.0.1:" + linkedListenerPort),
                    // a client that bootstraps through the link is told the link's port, and so stays behind it
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort
                            + (link == null ? "" : ",LINKED://127.0.0.1:" + linkPort),
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,LINKED:PLAINTEXT",
                    "log.dirs=" + workDir.resolve("data"),
                    "num.partitions=" + defaultPartitions,
                    // a single node: every replication factor and min ISR is 1, or internal topics never form
                    "default.replication.factor=1",
                    "min.insync.replicas=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    "");
            Files.writeString(workDir.resolve("server.properties"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                        + "; see " + logFile() + "\n" + tailOfLog());
            }
            try (Admin admin = Admin.create(adminConfig("127.0.0.1:" + brokerPort))) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                sleep(250);
            }
        }
        throw new IllegalStateException("the Kafka broker was not ready after " + READY_TIMEOUT.toSeconds()
                + " s; see " + logFile() + "\n" + tailOfLog(), last);
    }

    private static Properties adminConfig(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return props;
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms64m");
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dlog4j2.configurationFile=" + log4jConfig());
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private Path log4jConfig() {
        Path file = workDir.resolve("log4j2.xml");
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-log4j2.xml")) {
            Files.createDirectories(workDir);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written at build time by the dependency plugin: the broker's jars in the local Maven repository. */
    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath is missing: build local-infra with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void killQuietly() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
