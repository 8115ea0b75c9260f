package io.jixiao.infra;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local stack's broker, as a command: {@code start <dir> <port> <controllerPort>} starts (or
 * reopens) a broker whose data live in {@code dir} and leaves it running, or leaves alone the one running
 * there already if it answers on that port (a second {@code ./jixiao up} must not take the broker away from
 * the running services); {@code stop <dir>} stops it.
 */
public final class LocalKafka {

    private static final Map<String, Integer> TOPICS = Map.of("budget.events", 3, "indicator.events", 3,
            "report.events", 3, "budget.events.dlq", 1, "indicator.events.dlq", 1, "report.events.dlq", 1);

    public static void main(String[] args) {
        if (args.length == 4 && args[0].equals("start")) {
            Path dir = Path.of(args[1]);
            String bootstrap = "127.0.0.1:" + Integer.parseInt(args[2]);
            java.util.OptionalLong running = KafkaBroker.runningDetached(dir, bootstrap);
            if (running.isPresent()) {
                KafkaBroker.createTopics(bootstrap, TOPICS);
                System.out.println("kafka " + bootstrap + " already running, pid " + running.getAsLong() + ": left as it is");
                return;
            }
            if (KafkaBroker.stopDetached(dir)) {
                System.err.println("stopped the broker left in " + dir + ": it did not answer on " + bootstrap);
            }
            KafkaBroker broker = KafkaBroker.reopen(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), 3);
            broker.createTopics(TOPICS);
            long pid = broker.detach();
            System.out.println("kafka " + broker.bootstrapServers() + " started, pid " + pid);
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
