package io.jixiao.console.mapping;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import io.jixiao.console.client.ServiceRefusal;
import io.quarkus.qute.TemplateData;

/**
 * A form a service refused, shown again with what the user typed and the service's message next to the field it
 * named (or above the form when it named none). {@link #NONE} on a page no form failed on.
 */
@TemplateData
public record FormFailure(String form, String message, Map<String, String> fields, Map<String, String> values) {

    public static final FormFailure NONE = new FormFailure("", null, Map.of(), Map.of());

    public static FormFailure of(String form, ServiceRefusal refusal, MultivaluedMap<String, String> typed) {
        Map<String, String> values = new java.util.HashMap<>();
        typed.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        values.remove("csrf-token");
        return new FormFailure(form, refusal.getMessage(), refusal.fieldMessages(), values);
    }

    /** This form's failure, or none. */
    public FormFailure on(String name) {
        return form.equals(name) ? this : NONE;
    }

    /** The service's message for this field, or null. */
    public String error(String field) {
        return fields.get(field);
    }

    /** What the user had typed in this field, or null when this form did not fail. */
    public String value(String field) {
        return values.get(field);
    }

    /** The message above the form: the problem's, unless it is already shown at a field. */
    public String general() {
        return message != null && !fields.containsValue(message) ? message : null;
    }
}
