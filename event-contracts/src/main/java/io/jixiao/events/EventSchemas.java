package io.jixiao.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates event payloads against the versioned schemas in this module. Producers check what they
 * send, consumers what they accept, against the same files.
 */
public final class EventSchemas {

    private static final String ID_PREFIX = "https://schemas.jixiao.io/events/";
    private static final EventSchemas INSTANCE = new EventSchemas();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:schemas/")));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> byType = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static EventSchemas instance() {
        return INSTANCE;
    }

    public boolean knows(String type) {
        return EventTypes.ALL.contains(type);
    }

    /** The reasons the payload breaks its type's schema; empty when it conforms. */
    public List<String> violations(String type, JsonNode payload) {
        if (!knows(type)) {
            return List.of("unknown event type " + type);
        }
        JsonSchema schema = byType.computeIfAbsent(type, this::load);
        return schema.validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Loaded whole up front ($refs included), so validating from several threads never initialises it twice. */
    private JsonSchema load(String type) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(ID_PREFIX + EventTypes.schemaPath(type)), config);
        schema.initializeValidators();
        return schema;
    }

    /** Throws when the payload breaks its schema: a producer must never publish such an event. */
    public void requireValid(String type, JsonNode payload) {
        List<String> violations = violations(type, payload);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type, violations);
        }
    }

    public static final class InvalidEventException extends IllegalArgumentException {
        private final List<String> violations;

        InvalidEventException(String type, List<String> violations) {
            super(type + " payload breaks its schema: " + String.join("; ", violations));
            this.violations = violations;
        }

        public List<String> violations() {
            return violations;
        }
    }
}
