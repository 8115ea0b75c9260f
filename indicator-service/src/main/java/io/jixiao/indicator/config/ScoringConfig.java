package io.jixiao.indicator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jixiao.scoring")
public interface ScoringConfig {

    /** The policy a department-year is scored under unless it names another (it must exist in scoring_policy). */
    @WithDefault("财预〔2020〕10号")
    String defaultPolicy();

    /**
     * A score waits at most this long for this service to apply every ledger event published before it was asked
     * for; then it is refused (409), not computed on a stale view of the ledger.
     */
    @WithDefault("10s")
    java.time.Duration ledgerCatchUpWithin();
}
