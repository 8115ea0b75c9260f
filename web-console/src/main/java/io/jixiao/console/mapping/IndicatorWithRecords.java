package io.jixiao.console.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;

/** An indicator as indicator-service gives it, with its output records, and the names of its forms on the page. */
@TemplateData
public record IndicatorWithRecords(JsonNode indicator, JsonNode records) {

    public String id() {
        return indicator.path("id").asText();
    }

    /** A form's (or field's) name made unique on the page: {@code actual-<indicator id>}. */
    public String named(String name) {
        return name + "-" + id();
    }
}
