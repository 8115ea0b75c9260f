package io.jixiao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Both overlays against the published schemas of the operator releases the operator's guide names (Strimzi 1.2.0,
 * CloudNativePG 1.30.0 and its Barman Cloud plugin 0.14.0, the Keycloak operator 26.0.0, prometheus-operator
 * 0.93.0) and of Kubernetes 1.36, strictly: a kind no release serves, a value its schema refuses, or a field it does
 * not declare fails.
 */
class PublishedSchemasTest {

    private static final PublishedSchemas SCHEMAS = new PublishedSchemas();

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyRenderedObjectPassesThePublishedSchemaOfItsKind(String overlay) {
        Manifests m = Manifests.render(overlay);
        List<String> violations = new ArrayList<>();
        for (JsonNode object : m.documents) {
            String name = object.path("kind").asText() + " " + object.at("/metadata/name").asText();
            SCHEMAS.violations(object).forEach(v -> violations.add(name + ": " + v));
        }
        assertEquals(List.of(), violations, overlay);
        System.out.printf("%s: %d objects, each passes its published schema%n", overlay, m.documents.size());
    }

    /** The check itself refuses what a cluster would: otherwise the test above could not fail. */
    @Test
    void theCheckRefusesAnUnservedVersionABadValueAndAnUnknownFieldInSpecOrMetadata() {
        List<JsonNode> objects = PublishedSchemas.readAll("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 1}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  replicas: two
                  selector: {matchLabels: {app: d}}
                  template:
                    metadata: {labels: {app: d}}
                    spec: {containers: [{name: c, image: i, imagePullPolicy: Always}]}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 1, replica: 3}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, lables: {app: t}}
                spec: {partitions: 1}
                """);
        assertTrue(SCHEMAS.violations(objects.get(0)).get(0).contains("served by none"), SCHEMAS.violations(objects.get(0)).toString());
        assertTrue(SCHEMAS.violations(objects.get(1)).stream().anyMatch(v -> v.contains("replicas")),
                SCHEMAS.violations(objects.get(1)).toString());
        assertEquals(List.of("$.spec.replica: not a field of this kind"), SCHEMAS.violations(objects.get(2)));
        assertEquals(List.of("$.metadata.lables: not a field of this kind"), SCHEMAS.violations(objects.get(3)));
    }
}
