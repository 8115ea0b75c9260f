package io.jixiao.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value refused while the body is read, with the reason a client can show next to the field. The value
 * itself is never part of it: it may be megabytes, or characters a log or a page should not carry.
 */
public final class RefusedValue extends MismatchedInputException {

    private final String reason;

    public RefusedValue(JsonParser parser, Class<?> target, String reason) {
        super(parser, reason, target);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
