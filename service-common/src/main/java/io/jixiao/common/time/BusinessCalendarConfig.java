package io.jixiao.common.time;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the departments' business days begin and end. */
@ConfigMapping(prefix = "jixiao.business")
public interface BusinessCalendarConfig {

    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
