package io.jixiao.common.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.jixiao.common.idempotency.IdempotentWrites;
import io.jixiao.common.problem.ProblemMapper;

/**
 * What every service's OpenAPI document says beyond its annotations, so that a portal developer can generate a
 * client from it and a linter finds nothing to add: each operation's refusals as problem responses (the shape
 * {@link ProblemMapper} writes), the Idempotency-Key header as a shared parameter, and the roles that may call
 * an operation in its description and {@code x-roles} (OpenID Connect requirements name scopes, and ours are
 * roles, not scopes). An operation without an id or a summary fails the build: the contract names every one.
 */
public class ApiContract implements OASFilter {

    static final String PROBLEM = "Problem";
    public static final String IDEMPOTENCY_KEY = "IdempotencyKey";

    private static final Map<String, String> REFUSALS = new LinkedHashMap<>();

    static {
        REFUSALS.put("400", "Bad input: the problem names the field (field, or violations[].field)");
        REFUSALS.put("401", "No valid bearer token");
        REFUSALS.put("403", "The caller's role may not do this");
        REFUSALS.put("404", "Not found, or not visible to the caller (another department's data does not exist for it)");
        REFUSALS.put("409", "Refused by a rule or by the current state; the problem's type says which");
        REFUSALS.put("422", "The Idempotency-Key was used before with a different request");
        REFUSALS.put("503", "Not done, for now (the database, the broker or the ledger busy): retry after Retry-After, "
                + "under the same Idempotency-Key");
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        boolean anyIdempotent = api.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream()).anyMatch(ApiContract::idempotent);
        if (anyIdempotent) {
            api.getComponents().addParameter(IDEMPOTENCY_KEY, OASFactory.createParameter()
                    .name(IdempotentWrites.HEADER).in(Parameter.In.HEADER).required(true)
                    .description("A key of the client's choosing (1-200 visible ASCII characters, a UUID for instance), the "
                            + "same on every retry of this write: a retry gets the first answer instead of a second effect")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).minLength(1)
                            .maxLength(200)));
        }
        List<String> unnamed = new ArrayList<>();
        new TreeMap<>(api.getPaths().getPathItems()).forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    if (operation.getOperationId() == null || operation.getSummary() == null) {
                        unnamed.add(method + " " + path);
                    }
                    describe(path, method, operation);
                }));
        if (!unnamed.isEmpty()) {
            throw new IllegalStateException("operations without @Operation(operationId, summary): " + unnamed);
        }
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE;
        boolean takesInput = operation.getRequestBody() != null || path.contains("{")
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        List<String> refusals = new ArrayList<>();
        if (takesInput) {
            refusals.add("400");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            refusals.add("401");
            refusals.add("403");
            roles(operation);
        }
        if (path.contains("{")) {
            refusals.add("404");
        }
        if (write) {
            refusals.add("409");
            refusals.add("503");
        }
        if (idempotent(operation)) {
            refusals.add("422");
        }
        for (String status : refusals) {
            operation.getResponses().addAPIResponse(status, problem(REFUSALS.get(status)));
        }
    }

    private static boolean idempotent(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getRef() != null && p.getRef().endsWith("/" + IDEMPOTENCY_KEY));
    }

    /** The roles move from the requirement's scopes to the description and {@code x-roles}. */
    private static void roles(Operation operation) {
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement withoutScopes = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes);
                withoutScopes.addScheme(scheme, List.of());
            });
            requirements.add(withoutScopes);
        }
        operation.setSecurity(requirements);
        if (!roles.isEmpty()) {
            List<String> sorted = roles.stream().distinct().sorted().toList();
            operation.addExtension("x-roles", sorted);
            String described = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            operation.setDescription(described + "Roles: " + String.join(", ", sorted) + ".");
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemMapper.PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("A refusal (RFC 9457 problem details): what went wrong, for a person and for a program")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("urn:jixiao:problem:<kind>, stable for programs to match on"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("For a person; at most 500 characters"))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The field, parameter or header at fault"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(violation));
    }
}
