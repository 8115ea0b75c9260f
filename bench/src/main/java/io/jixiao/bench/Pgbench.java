package io.jixiao.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a pgbench script against the local PostgreSQL and reads its transactions per second. */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    static double transactionsPerSecond(String database, Path script, int concurrency, int seconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pgbench", "-n", "-h", "127.0.0.1", "-U", "postgres", "-c",
                Integer.toString(concurrency), "-j", Integer.toString(Math.min(concurrency, 2)), "-T",
                Integer.toString(seconds), "-f", script.toString(), database).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor(seconds + 30L, TimeUnit.SECONDS);
        Matcher m = TPS.matcher(output);
        if (!m.find() || output.contains("aborted")) {
            throw new IllegalStateException("pgbench said: " + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private Pgbench() {
    }
}
