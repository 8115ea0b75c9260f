package io.jixiao.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published schemas of the operator versions the operator's guide names and of the Kubernetes API, read where
 * they are kept beside the repository (never copied into it, never downloaded by a test), and a strict check of a
 * rendered object against the one for its apiVersion and kind: the schema's own rules, and no field the schema
 * does not declare (the API server would prune it silently; {@code kubectl apply} refuses it).
 */
final class PublishedSchemas {

    /** Where the schemas are: {@code ../shared/schemas} from the repository root, or {@code -Djixiao.schemas}. */
    static final Path DIR = Path.of(System.getProperty("jixiao.schemas",
            Manifests.ROOT.resolve("../shared/schemas").toString())).toAbsolutePath().normalize();

    /** The operator releases the guide targets, one folder each. */
    static final List<String> OPERATORS = List.of("strimzi-1.2.0", "cloudnative-pg-1.30.0",
            "plugin-barman-cloud-0.14.0", "keycloak-operator-26.0.0", "prometheus-operator-0.93.0");
    static final String KUBERNETES = "kubernetes-1.36/swagger.json";

    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    /** "apiVersion kind" → its schema (self-contained for a CRD; with the API's definitions for a built-in kind). */
    private final Map<String, JsonNode> schemas = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final JsonNode definitions;

    PublishedSchemas() {
        if (!Files.isDirectory(DIR)) {
            throw new AssertionError("the published schemas are not at " + DIR + ": the deploy tests read the operators' CRDs"
                    + " and the Kubernetes API schema from ../shared/schemas beside the repository (or -Djixiao.schemas)");
        }
        for (String operator : OPERATORS) {
            try (Stream<Path> files = Files.list(DIR.resolve(operator))) {
                files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().forEach(this::readCrd);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ObjectNode swagger = (ObjectNode) read(DIR.resolve(KUBERNETES), JSON);
        ObjectNode defs = (ObjectNode) swagger.get("definitions");
        // written as strings or numbers in manifests alike (the API server takes both), so either is right here
        defs.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", JSON.createObjectNode());
        defs.set("io.k8s.apimachinery.pkg.api.resource.Quantity", JSON.createObjectNode());
        definitions = defs;
        defs.fields().forEachRemaining(entry -> {
            for (JsonNode gvk : entry.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.get("group").asText();
                String apiVersion = group.isEmpty() ? gvk.get("version").asText() : group + "/" + gvk.get("version").asText();
                ObjectNode schema = JSON.createObjectNode().put("$ref", "#/definitions/" + entry.getKey());
                schema.set("definitions", defs);
                schemas.put(apiVersion + " " + gvk.get("kind").asText(), schema);
            }
        });
    }

    private void readCrd(Path file) {
        for (JsonNode crd : readAll(file)) {
            if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                continue;
            }
            String group = crd.at("/spec/group").asText();
            String kind = crd.at("/spec/names/kind").asText();
            for (JsonNode version : crd.at("/spec/versions")) {
                if (version.path("served").asBoolean(false)) {
                    schemas.put(group + "/" + version.get("name").asText() + " " + kind,
                            version.at("/schema/openAPIV3Schema"));
                }
            }
        }
    }

    boolean serves(String apiVersion, String kind) {
        return schemas.containsKey(apiVersion + " " + kind);
    }

    /** What is wrong with the object, each naming the field; empty when it passes. */
    List<String> violations(JsonNode object) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        JsonNode schema = schemas.get(key);
        if (schema == null) {
            return List.of(key + " is served by none of " + OPERATORS + " nor Kubernetes 1.36");
        }
        List<String> violations = new ArrayList<>();
        JsonSchema validator = compiled.computeIfAbsent(key, k -> FACTORY.getSchema(schema));
        for (ValidationMessage message : validator.validate(object)) {
            violations.add(message.getMessage());
        }
        // the API server itself takes apiVersion and kind, and checks metadata as every object's
        // ObjectMeta; a CRD's schema may leave the three out
        ObjectNode body = object.deepCopy();
        body.remove(List.of("apiVersion", "kind", "metadata"));
        unknownFields(body, schema, "$", violations);
        if (object.has("metadata")) {
            unknownFields(object.get("metadata"), definitions.get(OBJECT_META), "$.metadata", violations);
        }
        return violations;
    }

    /** Fields the schema does not declare, where it declares its fields and does not keep unknown ones. */
    private void unknownFields(JsonNode value, JsonNode schema, String path, List<String> violations) {
        schema = resolve(schema);
        if (schema == null || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (value.isObject()) {
            Map<String, JsonNode> properties = properties(schema);
            JsonNode additional = schema.get("additionalProperties");
            if (properties.isEmpty() && additional == null) {
                return; // a free-form object
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode declared = properties.get(field.getKey());
                if (declared != null) {
                    unknownFields(field.getValue(), declared, path + "." + field.getKey(), violations);
                } else if (additional != null && additional.isObject()) {
                    unknownFields(field.getValue(), additional, path + "." + field.getKey(), violations);
                } else if (additional == null || !additional.asBoolean()) {
                    violations.add(path + "." + field.getKey() + ": not a field of this kind");
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(value.get(i), schema.get("items"), path + "[" + i + "]", violations);
            }
        }
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new HashMap<>();
        schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode part : schema.path(combinator)) {
                JsonNode resolved = resolve(part);
                if (resolved != null) {
                    resolved.path("properties").fields().forEachRemaining(e -> properties.putIfAbsent(e.getKey(), e.getValue()));
                }
            }
        }
        return properties;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = ref.startsWith("#/definitions/") ? definitions.get(ref.substring("#/definitions/".length())) : null;
        }
        return schema;
    }

    static List<JsonNode> readAll(Path file) {
        try {
            return YAML.readValues(YAML.getFactory().createParser(file.toFile()), JsonNode.class).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> readAll(String yaml) {
        try {
            return YAML.readValues(YAML.getFactory().createParser(yaml), JsonNode.class).readAll().stream()
                    .filter(node -> node != null && !node.isNull() && !node.isMissingNode()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
