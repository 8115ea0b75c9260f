package io.jixiao.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** An overlay rendered by kustomize (through kubectl) and read into the fabric8 Kubernetes model. */
final class Manifests {

    static final Path ROOT = Path.of(System.getProperty("jixiao.root", "..")).toAbsolutePath().normalize();
    static final Path KUSTOMIZE = ROOT.resolve("deploy/kubernetes");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final String overlay;
    final List<HasMetadata> resources;
    /** The rendered objects as they are, every field kept (the model above drops what it does not know). */
    final List<com.fasterxml.jackson.databind.JsonNode> documents;

    private Manifests(String overlay, List<HasMetadata> resources, String yaml) {
        this.overlay = overlay;
        this.resources = resources;
        this.documents = PublishedSchemas.readAll(yaml);
    }

    static Manifests render(String overlay) {
        String yaml = kustomize(KUSTOMIZE.resolve(overlay));
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                resources.add(SERIALIZATION.unmarshal(document));
            }
        }
        return new Manifests(overlay, resources, yaml);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The rendered objects of a kind, every field as rendered. */
    List<com.fasterxml.jackson.databind.JsonNode> documents(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    /** The rendered object of a kind and name; a missing one fails naming the overlay. */
    com.fasterxml.jackson.databind.JsonNode document(String kind, String name) {
        return documents(kind).stream().filter(d -> name.equals(d.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " has no " + kind + " " + name));
    }

    List<GenericKubernetesResource> custom(String kind) {
        return resources.stream().filter(r -> r instanceof GenericKubernetesResource && kind.equals(r.getKind()))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " has no " + type.getSimpleName() + " " + name));
    }

    /** kustomize as kubectl carries it; a machine without kubectl gets one sentence saying what to install. */
    private static String kustomize(Path dir) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kustomize " + dir + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the overlays (Debian: apt-get install kubernetes-client)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
