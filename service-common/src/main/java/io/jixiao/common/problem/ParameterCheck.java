package io.jixiao.common.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.jixiao.common.json.Text;

/**
 * Path and query parameters are text the client chooses too: one with a control character (a {@code %00} in
 * a department code) or longer than any id reached PostgreSQL as a server error. Each is checked like body
 * text ({@link Text}) before the resource runs, and refused with 400 naming the parameter.
 */
public class ParameterCheck {

    /** Longer than any id, code, cursor or file name the API takes. */
    static final int MAX_LENGTH = 200;

    @ServerRequestFilter
    public void check(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.length() > MAX_LENGTH) {
                    throw ProblemException.invalidField(parameter.getKey(), "is longer than " + MAX_LENGTH + " characters");
                }
                String problem = Text.problem(value);
                if (problem != null) {
                    throw ProblemException.invalidField(parameter.getKey(), problem);
                }
            }
        }
    }
}
