package io.jixiao.budget.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How disbursements are committed together (see DisbursementGroupCommit). */
@ConfigMapping(prefix = "jixiao.disbursements")
public interface DisbursementConfig {

    /** The most disbursements one transaction commits; the rest wait for the next. */
    @WithDefault("256")
    int maxBatch();
}
