package io.jixiao.budget;

import java.time.Duration;

import io.jixiao.budget.config.DisbursementConfig;

/** The group commit's settings as a unit test sets them: its defaults, with the group size given. */
public record TestDisbursementConfig(int maxBatch) implements DisbursementConfig {

    @Override
    public int maxQueued() {
        return 4096;
    }

    @Override
    public Duration answerWithin() {
        return Duration.ofSeconds(10);
    }
}
