package io.jixiao.indicator.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The default policy exactly as the migration stores it, read from that migration's JSON. */
final class Policies {

    static ScoringPolicy defaultPolicy() {
        try (InputStream in = Policies.class.getResourceAsStream("/db/migration/V2__default_scoring_policy.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String json = sql.substring(sql.indexOf("'{") + 1, sql.lastIndexOf("}'") + 1);
            return new ObjectMapper().readValue(json, ScoringPolicy.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScoringPolicy withReverseRule(ScoringPolicy.ReverseRule rule) {
        ScoringPolicy p = defaultPolicy();
        return new ScoringPolicy(p.name() + " " + rule, p.groupWeights(), rule, p.qualitativeTiers(), p.gradeBands(),
                p.executionExplanationBelow(), p.overAchievementExplanationAt());
    }

    private Policies() {
    }
}
