package io.jixiao.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a read-model rebuild replays the topics (see ReadModelRebuild). */
@ConfigMapping(prefix = "jixiao.read-model.rebuild")
public interface ReadModelRebuildConfig {

    /**
     * Records per poll; each poll is applied in one transaction. 1000 keeps a batch's garbage young (5000
     * made the collector copy whole batches, a quarter of the time in pauses, and the rebuild no faster).
     */
    @WithDefault("1000")
    int pollRecords();
}
