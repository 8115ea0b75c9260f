package io.jixiao.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * summary.json: the headline figures of report-service's JSON (projects and budget per category,
 * arrived, spent, savings in 万元; the three rates in %; score and grade; every reconciliation finding
 * that is not a pass), and how they compare with what the source document states.
 */
public final class Summary {

    private static final List<String> CATEGORIES = List.of("OPENING_BUDGET", "NON_TAX_REVENUE", "MID_YEAR_ADJUSTMENT",
            "HIGHER_LEVEL_SPECIAL", "CARRY_OVER");

    public static JsonNode of(JsonNode report) {
        ObjectNode s = Http.JSON.createObjectNode();
        ObjectNode projects = s.putObject("projects");
        ObjectNode budget = s.putObject("budget");
        for (JsonNode c : report.get("categories")) {
            projects.put(c.get("category").asText(), c.get("projectCount").asInt());
            budget.put(c.get("category").asText(), c.get("budget").asText());
        }
        JsonNode t = report.get("totals");
        projects.put("total", t.get("projectCount").asInt());
        budget.put("total", t.get("budget").asText());
        s.put("arrived", t.get("arrived").asText());
        s.put("spent", t.get("spent").asText());
        s.put("savings", t.get("savings").asText());
        s.put("arrivalRate", t.get("arrivalRate").asText());
        s.put("executionRate", t.get("executionRate").asText());
        s.put("costControlRate", t.get("costControlRate").asText());
        JsonNode score = report.get("score");
        s.put("score", score.isNull() ? null : score.get("total").asText());
        s.put("grade", score.isNull() ? null : score.get("grade").asText());
        ArrayNode findings = s.putArray("findings");
        for (JsonNode f : report.get("findings")) {
            if (!"OK".equals(f.get("severity").asText())) {
                findings.addObject().put("code", f.get("code").asText()).put("severity", f.get("severity").asText())
                        .put("message", f.get("message").asText()).set("stated", f.get("stated"));
                ((ObjectNode) findings.get(findings.size() - 1)).set("computed", f.get("computed"));
            }
        }
        return s;
    }

    /** The summary next to the source document's own figures, each marked as a match or a difference. */
    public static void print(JsonNode summary, JsonNode seed, PrintStream out) {
        out.println();
        out.printf("%-34s %12s %12s%n", "", "Jixiao", "the seed");
        for (String category : CATEGORIES) {
            row(out, "projects " + category, summary.at("/projects/" + category), seed.at("/projects/" + category));
        }
        row(out, "projects in all", summary.at("/projects/total"), seed.at("/projects/total"));
        for (String category : CATEGORIES) {
            row(out, "budget " + category + " (万元)", summary.at("/budget/" + category), seed.at("/budget/" + category));
        }
        row(out, "budget in all (万元)", summary.at("/budget/total"), seed.at("/budget/total"));
        for (String field : List.of("arrived", "spent", "savings")) {
            row(out, field + " (万元)", summary.get(field), seed.get(field));
        }
        for (String field : List.of("arrivalRate", "executionRate", "costControlRate")) {
            row(out, field + " (%)", summary.get(field), seed.get(field));
        }
        row(out, "score", summary.get("score"), seed.get("score"));
        row(out, "grade", summary.get("grade"), seed.get("grade"));
        out.println();
        out.println("findings (reconciliation, DESIGN §7):");
        for (JsonNode f : summary.get("findings")) {
            out.printf("  %-9s %-24s %s%n", f.get("severity").asText(), f.get("code").asText(), f.get("message").asText());
        }
    }

    private static void row(PrintStream out, String label, JsonNode ours, JsonNode seeds) {
        String a = ours == null || ours.isNull() || ours.isMissingNode() ? "—" : ours.asText();
        String b = seeds == null || seeds.isNull() || seeds.isMissingNode() ? "—" : seeds.asText();
        String mark = same(a, b) ? "✓ same" : b.equals("—") ? "  (the seed states none)" : "✗ differs";
        out.printf("%-34s %12s %12s   %s%n", label, a, b, mark);
    }

    private static boolean same(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    static String wan(BigDecimal yuan) {
        return yuan.divide(BigDecimal.valueOf(10_000)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private Summary() {
    }
}
