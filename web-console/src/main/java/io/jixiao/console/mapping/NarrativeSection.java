package io.jixiao.console.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;

/** A narrative section as the report page edits it: its key, its heading in the report, and its text so far. */
@TemplateData
public record NarrativeSection(String key, String heading, String text) {

    /** Every section report-service lists ({@code /api/reports/sections}), with the text the draft holds. */
    public static List<NarrativeSection> of(JsonNode headings, JsonNode narrative) {
        List<NarrativeSection> sections = new ArrayList<>();
        for (JsonNode h : headings) {
            String key = h.path("key").asText();
            sections.add(new NarrativeSection(key, h.path("heading").asText(), narrative.path(key).asText("")));
        }
        return sections;
    }
}
