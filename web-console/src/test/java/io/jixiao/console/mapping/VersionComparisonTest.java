package io.jixiao.console.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class VersionComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void marksWhatChangedBetweenTwoVersions() throws Exception {
        JsonNode v1 = JSON.readTree("""
                {"totals":{"budget":"10.00","spent":"9.10"},"score":{"total":"94.10","grade":"优"},
                 "findings":[{},{}],"narrative":{"fund-flow":"共20.00万元"}}""");
        JsonNode v2 = JSON.readTree("""
                {"totals":{"budget":"10.00","spent":"9.10"},"score":{"total":"94.10","grade":"优"},
                 "findings":[{}],"narrative":{"fund-flow":"共10.00万元","problems":"无"}}""");
        VersionComparison c = VersionComparison.of(1, v1, 2, v2);
        assertEquals(1, c.before());
        assertEquals(2, c.after());
        List<String> changed = c.rows().stream().filter(VersionComparison.Row::changed).map(VersionComparison.Row::label).toList();
        assertEquals(List.of("勾稽发现（条）", "文字部分：fund-flow", "文字部分：problems"), changed);
        assertFalse(c.rows().stream().filter(r -> r.label().startsWith("预算数")).findFirst().orElseThrow().changed());
    }

    @Test
    void aFirstVersionStandsAlone() throws Exception {
        VersionComparison c = VersionComparison.of(null, null, 1, JSON.readTree("{\"narrative\":{}}"));
        assertEquals(null, c.before());
        assertTrue(c.rows().stream().noneMatch(VersionComparison.Row::changed));
    }
}
