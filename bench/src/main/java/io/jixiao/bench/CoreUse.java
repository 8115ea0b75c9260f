package io.jixiao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's cores went over an interval, per part of the stack, read from /proc: the three
 * services, Kafka and Keycloak by their pid files in .run, PostgreSQL by its processes' name (with the
 * time of backends that exited, which the kernel adds to their parent's), and "bench", this program (the
 * freshness runs' load generator). What is busy and none of those is "other" (wrk, pgbench, the machine's
 * other servers); steal is what the host took from this virtual machine.
 */
final class CoreUse {

    static final List<String> PARTS = List.of("budget-service", "indicator-service", "report-service", "kafka", "postgres",
            "keycloak", "bench");
    /** The kernel's USER_HZ: /proc reports CPU time in hundredths of a second on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Path> pidFiles = new LinkedHashMap<>();

    CoreUse(Path run) {
        pidFiles.put("budget-service", run.resolve("budget-service.pid"));
        pidFiles.put("indicator-service", run.resolve("indicator-service.pid"));
        pidFiles.put("report-service", run.resolve("report-service.pid"));
        pidFiles.put("kafka", run.resolve("kafka/broker.pid"));
        pidFiles.put("keycloak", run.resolve("keycloak.pid"));
    }

    /** CPU ticks so far: per part, and the machine's busy, stolen and idle ticks. */
    record Snapshot(long nanos, Map<String, Long> ticks, long busy, long steal, long idle) {
    }

    /** Cores in use on average over an interval: per part, other, steal and idle. */
    record Interval(double seconds, Map<String, Double> cores, double other, double busy, double steal, double idle) {

        /** Busy core-microseconds per operation, given how many operations the interval held. */
        double microsPer(double operations) {
            return busy * seconds * 1_000_000 / Math.max(1, operations);
        }

        /** One part's core-microseconds per operation. */
        double microsPer(String part, double operations) {
            return cores.get(part) * seconds * 1_000_000 / Math.max(1, operations);
        }
    }

    Snapshot take() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Path> part : pidFiles.entrySet()) {
            ticks.put(part.getKey(), processTicks(part.getValue()));
        }
        ticks.put("postgres", postgresTicks());
        long[] self = processTimes(Path.of("/proc/self/stat"));
        ticks.put("bench", self == null ? 0 : self[0] + self[1]);
        long[] machine = machineTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
        return new Snapshot(System.nanoTime(), ticks, machine[0], machine[1], machine[2]);
    }

    Interval since(Snapshot before) throws IOException {
        Snapshot after = take();
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        double parts = 0;
        for (String part : PARTS) {
            // a process restarted in between would count backwards: it counts as nothing instead
            double used = Math.max(0, after.ticks().get(part) - before.ticks().get(part)) / TICKS_PER_SECOND / seconds;
            cores.put(part, used);
            parts += used;
        }
        double busy = (after.busy() - before.busy()) / TICKS_PER_SECOND / seconds;
        return new Interval(seconds, cores, Math.max(0, busy - parts), busy,
                (after.steal() - before.steal()) / TICKS_PER_SECOND / seconds,
                (after.idle() - before.idle()) / TICKS_PER_SECOND / seconds);
    }

    private static long processTicks(Path pidFile) throws IOException {
        String pid;
        try {
            pid = Files.readString(pidFile).trim();
        } catch (NoSuchFileException e) {
            return 0;
        }
        long[] t = processTimes(Path.of("/proc", pid, "stat"));
        return t == null ? 0 : t[0] + t[1];
    }

    private static long postgresTicks() throws IOException {
        long sum = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                if (!"postgres".equals(comm(p))) {
                    continue;
                }
                long[] t = processTimes(p.resolve("stat"));
                if (t != null) {
                    sum += t[0] + t[1] + t[2] + t[3];
                }
            }
        }
        return sum;
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim();
        } catch (IOException e) {
            return ""; // it exited while we looked
        }
    }

    /** utime, stime, cutime, cstime of a process, or null if it is gone. */
    private static long[] processTimes(Path stat) {
        try {
            return processTimes(Files.readString(stat));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * utime, stime, cutime and cstime (fields 14–17 of proc(5)'s stat) from a /proc/[pid]/stat line. The
     * name in field 2 may hold spaces and parentheses, so the fields are counted after its last ')'.
     */
    static long[] processTimes(String statLine) {
        String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state): field n is f[n - 3]
        return new long[] { Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]) };
    }

    /**
     * Busy, steal and idle ticks from /proc/stat's first line (cpu user nice system idle iowait irq
     * softirq steal ...): busy is user, nice, system, irq and softirq; idle counts iowait.
     */
    static long[] machineTicks(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
        long softirq = Long.parseLong(f[7]), steal = Long.parseLong(f[8]);
        return new long[] { user + nice + system + irq + softirq, steal, idle + iowait };
    }
}
