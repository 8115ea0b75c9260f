package io.jixiao.console.mapping;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;

/**
 * Lets templates read the services' JSON answers as they come ({@code report.totals.budget}, {@code #for p in
 * view.projects}): an object's member by name, a text or number as its text, a boolean as a boolean, an array
 * as the list of its elements; a missing member or a JSON null is null. The console keeps no copy of the
 * services' types: the services' OpenAPI documents are the contract.
 */
@EngineConfiguration
public class JsonNodeResolver implements ValueResolver {

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof JsonNode;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        JsonNode base = (JsonNode) context.getBase();
        String name = context.getName();
        // an array's or object's size and emptiness, unless an object has a member of that name
        if (base.isContainerNode() && !base.has(name)) {
            if (name.equals("size")) {
                return CompletableFuture.completedFuture(base.size());
            }
            if (name.equals("isEmpty")) {
                return CompletableFuture.completedFuture(base.isEmpty());
            }
        }
        return CompletableFuture.completedFuture(unwrap(base.get(name)));
    }

    /** A JSON value as templates use it: text, boolean, or the node itself (objects and arrays). */
    public static Object unwrap(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value;
    }

    @Override
    public int getPriority() {
        return 10;
    }
}
