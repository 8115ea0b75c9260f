package io.jixiao.console.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A chart's data as JSON safe to place in a page's {@code <script type="application/json">} element. */
final class ChartData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartData() {
    }

    static String json(Object data) {
        try {
            // "</" would end the script element early; "<\/" is the same JSON text
            return JSON.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
