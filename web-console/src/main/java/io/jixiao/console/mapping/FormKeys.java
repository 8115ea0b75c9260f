package io.jixiao.console.mapping;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Idempotency-Keys for the forms. The services take every write under a key of the client's choosing; the console
 * puts a fresh one in each form as it renders it, so a double click or a resent form carries the same key and is
 * recorded once, and a form shown again after a refusal gets a new one.
 */
@ApplicationScoped
@Named("formKeys")
public class FormKeys {

    public static final String FIELD = "idempotencyKey";

    /** A new key, for the form being rendered. */
    public String fresh() {
        return UUID.randomUUID().toString();
    }

    /** The key the form carried, or a new one for a post that came without (a hand-made request). */
    public static String of(MultivaluedMap<String, String> form) {
        String key = form == null ? null : form.getFirst(FIELD);
        return key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
    }
}
