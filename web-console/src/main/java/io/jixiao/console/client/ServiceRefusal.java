package io.jixiao.console.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service said no (a 4xx problem, RFC 9457) or could not answer (5xx, unreachable). Carries what the user is
 * shown: the problem's own message, and per field the message the service gave for it, keyed by the field's
 * last name segment (the form fields carry the API's names).
 */
public class ServiceRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> fieldMessages;

    public ServiceRefusal(int status, String title, String detail, Map<String, String> fieldMessages) {
        super(detail == null || detail.isBlank() ? title : detail);
        this.status = status;
        this.title = title;
        this.fieldMessages = new LinkedHashMap<>(fieldMessages);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The message the service gave for each field it named. */
    public Map<String, String> fieldMessages() {
        return fieldMessages;
    }

    /** Not found or not visible: the services answer 404 for another department's data. */
    public boolean notFound() {
        return status == 404;
    }

    /** The service failed or was out of reach: nothing the user typed was wrong. */
    public boolean serviceFault() {
        return status >= 500;
    }
}
