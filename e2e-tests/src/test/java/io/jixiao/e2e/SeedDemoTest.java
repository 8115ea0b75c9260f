package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.demo.SeedDemo;
import io.jixiao.demo.Summary;

/**
 * The demo against the running stack, signed in through Keycloak: the seed's 2023 year through the
 * public API, then the report's figures as the seed states them (or, where the seed's own figures
 * disagree, as the ledger computes them, with the discrepancy among the findings).
 */
class SeedDemoTest {

    @Test
    void theSeedsYearEndsInAPublishedReportWithTheSeedsFigures() throws Exception {
        Platform platform = Platform.get();
        Path out = platform.root.resolve("e2e-tests/target/demo");
        SeedDemo.Endpoints at = new SeedDemo.Endpoints(platform.budget.baseUrl(), platform.indicator.baseUrl(),
                platform.report.baseUrl(), platform.keycloak.tokenEndpoint());
        Path data = platform.root.resolve("demo/data/hhgxj-2023.json");
        JsonNode summary = new SeedDemo(at, data, out, System.out).run();

        assertEquals(34, summary.at("/projects/total").asInt());
        assertEquals(12, summary.at("/projects/OPENING_BUDGET").asInt());
        assertEquals(2, summary.at("/projects/NON_TAX_REVENUE").asInt());
        assertEquals(8, summary.at("/projects/MID_YEAR_ADJUSTMENT").asInt());
        assertEquals(5, summary.at("/projects/HIGHER_LEVEL_SPECIAL").asInt());
        assertEquals(7, summary.at("/projects/CARRY_OVER").asInt());
        assertEquals("226.00", summary.at("/budget/OPENING_BUDGET").asText());
        assertEquals("0.00", summary.at("/budget/NON_TAX_REVENUE").asText());
        assertEquals("116.61", summary.at("/budget/MID_YEAR_ADJUSTMENT").asText());
        assertEquals("328.00", summary.at("/budget/HIGHER_LEVEL_SPECIAL").asText());
        assertEquals("656.57", summary.at("/budget/CARRY_OVER").asText());
        // the seed states 1327.19; its line items add up to 1327.18, and so does the ledger
        assertEquals("1327.18", summary.at("/budget/total").asText());
        assertEquals("1327.18", summary.get("arrived").asText());
        assertEquals("1240.60", summary.get("spent").asText());
        assertEquals("86.58", summary.get("savings").asText());
        assertEquals("100.00", summary.get("arrivalRate").asText());
        assertEquals("93.48", summary.get("executionRate").asText());
        assertEquals("6.52", summary.get("costControlRate").asText());
        assertEquals("优", summary.get("grade").asText());
        assertEquals("99.35", summary.get("score").asText());

        List<String> declaredTotal = new ArrayList<>();
        List<String> narrative = new ArrayList<>();
        for (JsonNode f : summary.get("findings")) {
            if (f.get("code").asText().equals("DECLARED_TOTAL")) {
                declaredTotal.add(f.get("stated").asText() + " vs " + f.get("computed").asText());
            }
            if (f.get("code").asText().equals("NARRATIVE_FIGURE")) {
                narrative.add(f.get("stated").asText() + " vs " + f.get("computed").asText());
            }
        }
        assertEquals(List.of("1327.19 vs 1327.18"), declaredTotal);
        assertTrue(narrative.contains("1327.19 vs 1327.18"), narrative.toString());
        assertTrue(narrative.contains("86.59 vs 86.58"), narrative.toString());

        for (String file : List.of("report.json", "report.html", "report.docx", "report.xlsx", "summary.json")) {
            assertTrue(Files.size(out.resolve(file)) > 1000, file);
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("资金执行率93.48%"));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Summary.print(summary, Http().readTree(Files.readString(data)).get("seedStated"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertTrue(table.matches("(?s).*budget in all \\(万元\\)\\s+1327\\.18\\s+1327\\.19\\s+✗ differs.*"), table);
        assertTrue(table.matches("(?s).*executionRate \\(%\\)\\s+93\\.48\\s+93\\.48\\s+✓ same.*"), table);

        // run again: the year is found entered, the published report fetched, nothing entered twice
        JsonNode again = new SeedDemo(at, data, out, System.out).run();
        assertEquals(summary, again);
    }

    private static com.fasterxml.jackson.databind.ObjectMapper Http() {
        return io.jixiao.demo.Http.JSON;
    }
}
