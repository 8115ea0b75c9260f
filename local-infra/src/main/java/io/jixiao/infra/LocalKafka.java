package io.jixiao.infra;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local stack's broker, as a command: {@code start <dir> <port> <controllerPort>} starts (or
 * reopens) a broker whose data live in {@code dir} and leaves it running; {@code stop <dir>} stops it.
 */
public final class LocalKafka {

    public static void main(String[] args) {
        if (args.length == 4 && args[0].equals("start")) {
            Path dir = Path.of(args[1]);
            if (KafkaBroker.stopDetached(dir)) {
                System.err.println("stopped a broker left running in " + dir);
            }
            KafkaBroker broker = KafkaBroker.reopen(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), 3);
            broker.createTopics(Map.of("budget.events", 3, "indicator.events", 3, "report.events", 3,
                    "budget.events.dlq", 1, "indicator.events.dlq", 1));
            long pid = broker.detach();
            System.out.println("kafka " + broker.bootstrapServers() + " pid " + pid);
        } else if (args.length == 2 && args[0].equals("stop")) {
            System.out.println(KafkaBroker.stopDetached(Path.of(args[1])) ? "kafka stopped" : "kafka was not running");
        } else {
            System.err.println("usage: LocalKafka start <dir> <port> <controllerPort> | stop <dir>");
            System.exit(2);
        }
    }

    private LocalKafka() {
    }
}
