package io.jixiao.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/** Which infrastructure the tests get: the machine's own, or containers where Docker exists. */
public enum InfraMode {
    LOCAL,
    CONTAINERS;

    public static final String PROPERTY = "jixiao.test.infra";

    public static InfraMode detect() {
        String chosen = System.getProperty(PROPERTY, System.getenv("JIXIAO_TEST_INFRA"));
        return choose(chosen, InfraMode::dockerEngineAnswers);
    }

    /** An explicit choice wins; otherwise containers only where a Docker engine answers. */
    static InfraMode choose(String chosen, java.util.function.BooleanSupplier dockerAvailable) {
        if (chosen != null && !chosen.isBlank() && !chosen.equalsIgnoreCase("auto")) {
            try {
                return valueOf(chosen.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PROPERTY + " must be local, containers or auto, not '" + chosen + "'");
            }
        }
        return dockerAvailable.getAsBoolean() ? CONTAINERS : LOCAL;
    }

    private static boolean dockerEngineAnswers() {
        // A docker client without an engine is common (this project's CI machines): look for a socket
        // or DOCKER_HOST before asking Testcontainers, whose probe is slow when nothing answers.
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
