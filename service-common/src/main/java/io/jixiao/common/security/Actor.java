package io.jixiao.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who caused an event: the token's subject and, for a department user, their department. A change
 * made while applying another service's event keeps that event's actor.
 */
public record Actor(String subject, String department) {

    public static Actor from(JsonNode payloadActor) {
        if (payloadActor == null || payloadActor.isNull()) {
            return new Actor("unknown", null);
        }
        JsonNode department = payloadActor.get("department");
        return new Actor(payloadActor.path("subject").asText("unknown"),
                department == null || department.isNull() ? null : department.asText());
    }

    public ObjectNode toJson(ObjectMapper json) {
        return json.createObjectNode().put("subject", subject).put("department", department);
    }
}
