package io.jixiao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** The manifests, checked mechanically for each overlay (DESIGN §11). */
class ManifestsTest {

    static final List<String> SERVICES = List.of("budget-service", "indicator-service", "report-service");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void theOverlayRendersAndEveryDocumentIsAKubernetesResource(String overlay) {
        Manifests m = Manifests.render(overlay);
        assertTrue(m.resources.size() >= 30, m.resources.size() + " resources");
        for (HasMetadata r : m.resources) {
            assertNotNull(r.getKind());
            assertNotNull(r.getMetadata().getName(), r.toString());
            assertEquals(overlay.endsWith("dev") ? "jixiao-dev" : "jixiao", r.getMetadata().getNamespace(),
                    r.getKind() + " " + r.getMetadata().getName());
        }
        // typed where the Kubernetes model knows the kind; the operators' kinds as generic resources
        assertEquals(3, m.all(Deployment.class).size());
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database", "Keycloak")) {
            assertFalse(m.custom(kind).isEmpty(), kind);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyDeploymentHasProbesLimitsAndARestrictedSecurityContext(String overlay) {
        Manifests m = Manifests.render(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            var pod = d.getSpec().getTemplate().getSpec();
            assertTrue(pod.getSecurityContext().getRunAsNonRoot(), name);
            assertTrue(pod.getTerminationGracePeriodSeconds() >= 35, name + ": time for the 30 s graceful shutdown");
            assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null), name + ": a writable /tmp");
            for (Container c : pod.getContainers()) {
                assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath(), name);
                assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath(), name);
                assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath(), name);
                for (String resource : List.of("cpu", "memory")) {
                    assertNotNull(c.getResources().getRequests().get(resource), name + " requests " + resource);
                    assertNotNull(c.getResources().getLimits().get(resource), name + " limits " + resource);
                }
                assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem(), name);
                assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation(), name);
                assertTrue(c.getSecurityContext().getCapabilities().getDrop().contains("ALL"), name);
                assertTrue(c.getVolumeMounts().stream().anyMatch(v -> v.getMountPath().equals("/tmp")), name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyEnvironmentVariableAServiceReadsIsProvided(String overlay) {
        Manifests m = Manifests.render(overlay);
        for (String service : SERVICES) {
            Set<String> read = new TreeSet<>();
            Matcher matcher = ENV_REFERENCE.matcher(Manifests.read(Manifests.ROOT.resolve(service
                    + "/src/main/resources/application.properties")));
            while (matcher.find()) {
                read.add(matcher.group(1));
            }
            assertFalse(read.isEmpty(), service);
            Set<String> provided = new HashSet<>();
            for (EnvVar e : m.named(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getEnv()) {
                provided.add(e.getName());
            }
            Set<String> missing = new TreeSet<>(read);
            missing.removeAll(provided);
            assertEquals(Set.of(), missing, service + " reads these but its Deployment does not set them");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void theTopicsTheServicesUseExistWithEnoughPartitionsForTheirConsumers(String overlay) {
        Manifests m = Manifests.render(overlay);
        Map<String, Integer> partitions = new java.util.HashMap<>();
        for (GenericKubernetesResource topic : m.custom("KafkaTopic")) {
            partitions.put(topic.getMetadata().getName(), ((Number) spec(topic).get("partitions")).intValue());
        }
        for (String service : SERVICES) {
            String properties = Manifests.read(Manifests.ROOT.resolve(service + "/src/main/resources/application.properties"));
            List<String> consumed = values(properties, "jixiao\\.consumer\\.channels\\.[^.]+\\.topic");
            List<String> published = values(properties, "jixiao\\.outbox\\.topic");
            int maxReplicas = m.named(HorizontalPodAutoscaler.class, service).getSpec().getMaxReplicas();
            for (String topic : consumed) {
                assertTrue(partitions.containsKey(topic), service + " consumes " + topic + ": no KafkaTopic");
                assertTrue(partitions.containsKey(topic + ".dlq"), service + " dead-letters to " + topic + ".dlq: no KafkaTopic");
                assertTrue(partitions.get(topic) >= maxReplicas, service + " scales to " + maxReplicas
                        + " but " + topic + " has " + partitions.get(topic) + " partitions: the rest would idle");
            }
            for (String topic : published) {
                assertTrue(partitions.containsKey(topic), service + " publishes to " + topic + ": no KafkaTopic");
            }
            GenericKubernetesResource user = m.custom("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + service));
            for (String topic : consumed) {
                assertTrue(allows(user, topic, "Read"), service + " may read " + topic);
                assertTrue(allows(user, topic + ".dlq", "Write"), service + " may dead-letter to " + topic + ".dlq");
            }
            for (String topic : published) {
                assertTrue(allows(user, topic, "Write"), service + " may write " + topic);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void eachServiceHasItsServiceDisruptionBudgetAutoscalerAndANarrowNetworkPolicy(String overlay) {
        Manifests m = Manifests.render(overlay);
        for (String service : SERVICES) {
            assertNotNull(m.named(Service.class, service));
            assertNotNull(m.named(PodDisruptionBudget.class, service));
            HorizontalPodAutoscaler hpa = m.named(HorizontalPodAutoscaler.class, service);
            assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas());
            NetworkPolicy policy = m.named(NetworkPolicy.class, service);
            assertTrue(policy.getSpec().getPolicyTypes().contains("Egress"), service);
            Set<Integer> ports = new TreeSet<>();
            List<String> targets = new ArrayList<>();
            policy.getSpec().getEgress().forEach(rule -> {
                rule.getPorts().forEach(p -> ports.add(p.getPort().getIntVal()));
                rule.getTo().forEach(peer -> targets.add(String.valueOf(peer.getPodSelector().getMatchLabels())));
            });
            assertEquals(Set.of(5432, 9092, 8080, 53), ports, service + ": its database, Kafka, Keycloak and DNS only");
            assertTrue(targets.stream().anyMatch(t -> t.contains("cnpg.io/cluster=jixiao-db")), service);
            assertTrue(targets.stream().anyMatch(t -> t.contains("strimzi.io/cluster=jixiao-kafka")), service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void noSecretValueIsCommitted(String overlay) {
        Manifests m = Manifests.render(overlay);
        assertEquals(List.of(), m.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList());
        for (Deployment d : m.all(Deployment.class)) {
            for (EnvVar e : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (e.getName().contains("PASSWORD") || e.getName().contains("JAAS")) {
                    assertNotNull(e.getValueFrom().getSecretKeyRef(), e.getName() + " comes from a Secret");
                }
            }
        }
    }

    /** Whether the KafkaUser's ACLs allow the operation on the topic. */
    @SuppressWarnings("unchecked")
    private static boolean allows(GenericKubernetesResource user, String topic, String operation) {
        Map<String, Object> authorization = (Map<String, Object>) spec(user).get("authorization");
        for (Map<String, Object> acl : (List<Map<String, Object>>) authorization.get("acls")) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            if ("topic".equals(resource.get("type")) && topic.equals(resource.get("name"))
                    && ((List<String>) acl.get("operations")).contains(operation)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }

    private static List<String> values(String properties, String keyPattern) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + keyPattern + "=(.+)$").matcher(properties);
        while (m.find()) {
            values.add(m.group(1).trim());
        }
        return values;
    }
}
