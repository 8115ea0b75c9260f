package io.jixiao.console.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;

/**
 * Two frozen versions of a report side by side (the earlier may be absent): the headline figures, the score and
 * grade, the number of findings, and every narrative section, each row marked where the two differ.
 */
@TemplateData
public record VersionComparison(Integer before, Integer after, List<Row> rows) {

    @TemplateData
    public record Row(String label, String before, String after, boolean changed) {
    }

    public static VersionComparison of(Integer earlierNumber, JsonNode earlier, Integer laterNumber, JsonNode later) {
        List<Row> rows = new ArrayList<>();
        if (later == null) {
            return new VersionComparison(null, null, rows);
        }
        row(rows, "预算数（万元）", earlier, later, "/totals/budget");
        row(rows, "到位数（万元）", earlier, later, "/totals/arrived");
        row(rows, "支出数（万元）", earlier, later, "/totals/spent");
        row(rows, "预算执行率（%）", earlier, later, "/totals/executionRate");
        row(rows, "自评得分", earlier, later, "/score/total");
        row(rows, "评价等级", earlier, later, "/score/grade");
        rows.add(compare("勾稽发现（条）", earlier == null ? null : Integer.toString(earlier.path("findings").size()),
                Integer.toString(later.path("findings").size())));
        Set<String> keys = new LinkedHashSet<>();
        later.path("narrative").fieldNames().forEachRemaining(keys::add);
        if (earlier != null) {
            earlier.path("narrative").fieldNames().forEachRemaining(keys::add);
        }
        for (String key : keys) {
            row(rows, "文字部分：" + key, earlier, later, "/narrative/" + key);
        }
        return new VersionComparison(earlier == null ? null : earlierNumber, laterNumber, rows);
    }

    private static void row(List<Row> rows, String label, JsonNode earlier, JsonNode later, String pointer) {
        rows.add(compare(label, earlier == null ? null : text(earlier.at(pointer)), text(later.at(pointer))));
    }

    private static Row compare(String label, String before, String after) {
        return new Row(label, before, after, before != null && !Objects.equals(before, after));
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }
}
