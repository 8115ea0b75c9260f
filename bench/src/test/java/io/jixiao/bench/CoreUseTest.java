package io.jixiao.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's CPU accounting, read from this machine's /proc while this JVM and PostgreSQL work. */
class CoreUseTest {

    @Test
    void readsTheTimesAfterAProcessNameWithSpacesAndParentheses() {
        String line = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 89 10 20 0 30 0 99 0";
        assertArrayEquals(new long[] { 1234, 567, 89, 10 }, CoreUse.processTimes(line));
    }

    @Test
    void splitsTheMachineLineIntoBusyStealAndIdle() {
        long[] t = CoreUse.machineTicks("cpu  195329 7 45710 1804778 6626 3 10109 11004 0 0");
        assertArrayEquals(new long[] { 195329 + 7 + 45710 + 3 + 10109, 11004, 1804778 + 6626 }, t);
    }

    @Test
    void countsThisProgramAsTheBenchAndNoServiceWithoutItsPidFile(@TempDir Path run) throws Exception {
        CoreUse cores = new CoreUse(run);
        CoreUse.Snapshot start = cores.take();
        double spinSeconds = spin();
        CoreUse.Interval i = cores.since(start);

        double benchSeconds = i.cores().get("bench") * i.seconds();
        assertTrue(benchSeconds >= 0.3 * spinSeconds, "bench " + benchSeconds + " s of a " + spinSeconds + " s spin");
        assertEquals(0.0, i.cores().get("budget-service"), "no budget-service pid file: nothing counted");
        assertTrue(i.busy() >= i.cores().get("bench") - 0.05, "the bench fits in the busy time");
    }

    @Test
    void countsAServiceByItsPidFileAndPostgresByItsBackends(@TempDir Path run) throws Exception {
        // this JVM stands in for budget-service
        Files.writeString(run.resolve("budget-service.pid"), Long.toString(ProcessHandle.current().pid()));
        CoreUse cores = new CoreUse(run);
        CoreUse.Snapshot start = cores.take();

        double spinSeconds = spin();
        // a backend that works, then exits before the interval ends: the kernel moves its time to the postmaster
        double queryStart = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("select count(*) from generate_series(1, 4000000)")) {
            rs.next();
            assertEquals(4_000_000, rs.getLong(1));
        }
        double querySeconds = (System.nanoTime() - queryStart) / 1e9;
        Thread.sleep(200);
        CoreUse.Interval i = cores.since(start);

        double budgetSeconds = i.cores().get("budget-service") * i.seconds();
        double postgresSeconds = i.cores().get("postgres") * i.seconds();
        // CPU-bound work on one thread: most of its wall time is CPU time (a busy host may steal some)
        assertTrue(budgetSeconds >= 0.3 * spinSeconds, "budget-service " + budgetSeconds + " s of a " + spinSeconds + " s spin");
        assertTrue(postgresSeconds >= 0.3 * querySeconds, "postgres " + postgresSeconds + " s of a " + querySeconds + " s query");
        assertEquals(0.0, i.cores().get("kafka"), "no kafka pid file: nothing counted");
        // every tick of the machine is busy, stolen or idle
        double accounted = i.busy() + i.steal() + i.idle();
        long cpus = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu[0-9]+ .*")).count();
        assertEquals(cpus, accounted, 0.35, "cores accounted for: " + accounted);
        assertTrue(i.busy() >= i.cores().get("budget-service") + i.cores().get("postgres") - 0.05, "parts fit in the busy time");
    }

    /** Keeps one core busy for 0.6 s; returns the seconds it spun. */
    private static double spin() {
        long spinStart = System.nanoTime();
        long x = 0;
        while (System.nanoTime() - spinStart < 600_000_000L) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        return (System.nanoTime() - spinStart) / 1e9;
    }
}
