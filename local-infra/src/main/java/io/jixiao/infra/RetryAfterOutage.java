package io.jixiao.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Requests sent while the database is out of reach, as a well-behaved client sends them: all at once,
 * then each one that was answered 503 again after its Retry-After. For tests that a lost database
 * connection reaches the client as "retry shortly", never as a 500, and that the retries then succeed.
 */
public final class RetryAfterOutage {

    /** The most times a client sends one request before giving up. */
    private static final int ATTEMPTS = 5;

    /** What the client saw of one answer: its status, two headers, and the start of its body. */
    public record Answer(int status, String contentType, String retryAfter, String body) {

        public Answer {
            body = body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
        }

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** A 503 problem that says when to come back. */
        boolean askedToRetry() {
            return status == 503 && contentType != null && contentType.startsWith("application/problem+json")
                    && retryAfter != null && retryAfter.matches("\\d+");
        }
    }

    /**
     * How the requests went: how many were asked to retry at first, and the status each ended with.
     * {@code askedToRetry} is zero when no request met a dead connection, which would prove nothing.
     */
    public record RetryResult(int askedToRetry, List<Integer> finalStatuses) {
    }

    /**
     * Sends every request at once; each must succeed or be asked to retry. Those asked are sent again, at
     * once, after the longest Retry-After they were given, up to {@value #ATTEMPTS} rounds in all.
     *
     * @throws AssertionError when an answer is neither a success nor a well-formed 503
     */
    public static RetryResult send(List<Callable<Answer>> requests) throws Exception {
        List<Answer> answers = new ArrayList<>(Race.run(requests));
        int asked = -1;
        for (int round = 1; ; round++) {
            List<Integer> pending = new ArrayList<>();
            long waitSeconds = 0;
            for (int i = 0; i < answers.size(); i++) {
                Answer answer = answers.get(i);
                if (answer.succeeded()) {
                    continue;
                }
                if (!answer.askedToRetry()) {
                    throw new AssertionError("request " + i + " was answered " + answer
                            + ": neither a success nor a 503 problem with Retry-After");
                }
                pending.add(i);
                waitSeconds = Math.max(waitSeconds, Long.parseLong(answer.retryAfter()));
            }
            if (asked < 0) {
                asked = pending.size();
            }
            if (pending.isEmpty() || round == ATTEMPTS) {
                return new RetryResult(asked, answers.stream().map(Answer::status).toList());
            }
            Thread.sleep(waitSeconds * 1_000);
            List<Answer> again = Race.run(pending.stream().map(requests::get).toList());
            for (int k = 0; k < pending.size(); k++) {
                answers.set(pending.get(k), again.get(k));
            }
        }
    }

    private RetryAfterOutage() {
    }
}
