package io.jixiao.budget.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How disbursements are committed together (see DisbursementGroupCommit). */
@ConfigMapping(prefix = "jixiao.disbursements")
public interface DisbursementConfig {

    /** The most disbursements one transaction commits; the rest wait for the next. */
    @WithDefault("256")
    int maxBatch();

    /**
     * The most disbursements waiting for a commit; one more is refused at once with 503 and Retry-After rather
     * than queued behind them (a slow database must not turn into unbounded memory and unbounded waits).
     */
    @WithDefault("4096")
    int maxQueued();

    /**
     * How long a request waits for its group's commit before it is answered 503: it may still be recorded,
     * which a retry with the same Idempotency-Key finds out without recording it twice.
     */
    @WithDefault("10s")
    java.time.Duration answerWithin();
}
