package io.jixiao.events;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Event payload records to and from their JSON, as the schemas have it: decimals (money, weights, scores) as
 * plain decimal strings, never JSON numbers (no binary floating point on the way); dates as ISO dates; every
 * component written, nulls included; a field added within a version ignored by a reader that does not know it.
 * The records carry what they are given: money at two decimals, other quantities without trailing zeros.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("jixiao-events")
                    .addSerializer(BigDecimal.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider provider)
                                throws IOException {
                            out.writeString(value.toPlainString());
                        }
                    })
                    .addSerializer(LocalDate.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(LocalDate value, JsonGenerator out, SerializerProvider provider)
                                throws IOException {
                            out.writeString(value.toString());
                        }
                    })
                    .addDeserializer(LocalDate.class, new JsonDeserializer<>() {
                        @Override
                        public LocalDate deserialize(JsonParser in, DeserializationContext context) throws IOException {
                            return LocalDate.parse(in.getValueAsString());
                        }
                    }))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The payload as JSON, to be checked against its schema and sent. */
    public static ObjectNode write(EventPayload payload) {
        return MAPPER.valueToTree(payload);
    }

    /** A part of a payload (a list of scores, say) as JSON, to be kept as it came. */
    public static JsonNode tree(Object part) {
        return MAPPER.valueToTree(part);
    }

    /** Reads a payload that passed its schema; throws if it still does not fit the record. */
    public static <T extends EventPayload> T read(JsonNode payload, Class<T> type) {
        try {
            return MAPPER.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload does not read as " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private EventJson() {
    }
}
