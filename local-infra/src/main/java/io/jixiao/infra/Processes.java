package io.jixiao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stopping what the local stack started: politely first (SIGTERM to the process and everything it started, so a
 * broker shuts down in a controlled way and kc.sh's JVM goes with the script), by force once the grace period is
 * over.
 */
final class Processes {

    /** Stops the process and what it started; returns once they have exited (or been killed and given 10 s). */
    static void stop(ProcessHandle process, Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sigkill(process);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
        }
    }

    /** Stops a process started detached by an earlier run, named by its pid file; true if one was running. */
    static boolean stopByPidFile(Path pidFile, Duration grace) {
        if (!Files.exists(pidFile)) {
            return false;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Files.delete(pidFile);
            return ProcessHandle.of(pid).map(handle -> {
                stop(handle, grace);
                return true;
            }).orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a shutdown hook registered for a process stopped now; while the JVM exits, the hook runs anyway. */
    static void forget(Thread shutdownHook) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting
        }
    }

    /** SIGKILL, as a node failure or the kernel's OOM killer would; returns once it has exited (10 s at most). */
    static void kill(ProcessHandle process) {
        sigkill(process);
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException stillThere) {
            // SIGKILL was sent; the kernel finishes it
        }
    }

    private static void sigkill(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private Processes() {
    }
}
