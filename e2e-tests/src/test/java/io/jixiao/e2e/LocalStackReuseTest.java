package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jixiao.infra.LocalKafka;
import io.jixiao.infra.LocalKeycloak;
import io.jixiao.infra.ServiceProcess;

/**
 * What {@code ./jixiao up} does with the broker and Keycloak (it runs these two commands): a second {@code up}
 * on a running stack leaves a healthy broker and Keycloak running, the same processes, and says so; only one
 * that is gone is started again.
 */
class LocalStackReuseTest {

    @TempDir
    Path run;

    @Test
    void aSecondUpKeepsAHealthyBrokerAndKeycloakAndRestartsOnlyWhatIsGone() throws Exception {
        Path root = Path.of(System.getProperty("jixiao.root", "..")).toAbsolutePath().normalize();
        String kafkaPort = Integer.toString(ServiceProcess.freePort());
        String controllerPort = Integer.toString(ServiceProcess.freePort());
        String keycloakPort = Integer.toString(ServiceProcess.freePort());
        String[] kafka = { "start", run.resolve("kafka").toString(), kafkaPort, controllerPort };
        String[] keycloak = { "start", System.getProperty("keycloak.dist"), root.toString(), keycloakPort, run.toString() };
        try {
            assertTrue(printed(() -> LocalKafka.main(kafka)).contains("started"));
            assertTrue(printed(() -> LocalKeycloak.main(keycloak)).contains("started"));
            long broker = pid(run.resolve("kafka/broker.pid"));
            long keycloakPid = pid(run.resolve("keycloak.pid"));

            String second = printed(() -> LocalKafka.main(kafka)) + printed(() -> LocalKeycloak.main(keycloak));
            assertTrue(second.contains("kafka 127.0.0.1:" + kafkaPort + " already running, pid " + broker + ": left as it is"),
                    second);
            assertTrue(second.contains("already running, pid " + keycloakPid + ": left as it is"), second);
            assertEquals(broker, pid(run.resolve("kafka/broker.pid")));
            assertEquals(keycloakPid, pid(run.resolve("keycloak.pid")));
            assertTrue(alive(broker) && alive(keycloakPid), "both still running");

            // a broker that died is started again (and says so); Keycloak, healthy, is left alone again
            ProcessHandle dead = ProcessHandle.of(broker).orElseThrow();
            dead.destroyForcibly();
            dead.onExit().get(30, TimeUnit.SECONDS);
            String third = printed(() -> LocalKafka.main(kafka)) + printed(() -> LocalKeycloak.main(keycloak));
            assertTrue(third.contains("kafka 127.0.0.1:" + kafkaPort + " started"), third);
            assertNotEquals(broker, pid(run.resolve("kafka/broker.pid")));
            assertEquals(keycloakPid, pid(run.resolve("keycloak.pid")));
        } finally {
            LocalKeycloak.main(new String[] { "stop", run.toString() });
            LocalKafka.main(new String[] { "stop", run.resolve("kafka").toString() });
        }
    }

    private static long pid(Path file) throws Exception {
        return Long.parseLong(Files.readString(file).trim());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** What the command printed to standard output. */
    private static String printed(Runnable command) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(out);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        out.print(text);
        return text;
    }
}
