package io.jixiao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    /** The services and the web console: what runs the project's own code. */
    static final List<String> APPLICATIONS = List.of("budget-service", "indicator-service", "report-service", "web-console");
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
        assertEquals(APPLICATIONS.size(), m.all(Deployment.class).size());
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
        for (String service : APPLICATIONS) {
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
            assertEquals(Set.of(5432, 9093, 8080, 53), ports, service + ": its database, Kafka, Keycloak and DNS only");
            assertTrue(targets.stream().anyMatch(t -> t.contains("cnpg.io/cluster=jixiao-db")), service);
            assertTrue(targets.stream().anyMatch(t -> t.contains("strimzi.io/cluster=jixiao-kafka")), service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void theConsoleHasItsServiceBudgetAutoscalerAndReachesOnlyTheServicesAndKeycloak(String overlay) {
        Manifests m = Manifests.render(overlay);
        assertNotNull(m.named(Service.class, "web-console"));
        assertNotNull(m.named(PodDisruptionBudget.class, "web-console"));
        assertNotNull(m.named(HorizontalPodAutoscaler.class, "web-console"));
        Set<Integer> ports = new TreeSet<>();
        m.named(NetworkPolicy.class, "web-console").getSpec().getEgress()
                .forEach(rule -> rule.getPorts().forEach(p -> ports.add(p.getPort().getIntVal())));
        assertEquals(Set.of(8081, 8082, 8083, 8080, 53), ports, "the three services, Keycloak and DNS only");
        // it calls the services through their Services, with the public issuer checked in the tokens it gets
        Map<String, String> env = new java.util.HashMap<>();
        for (EnvVar e : m.named(Deployment.class, "web-console").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            env.put(e.getName(), e.getValue() == null ? "" : e.getValue());
        }
        for (String service : SERVICES) {
            String variable = service.replace("-service", "").toUpperCase() + "_URL";
            assertEquals("http://" + service, env.get(variable), variable);
            assertNotNull(m.named(Service.class, service));
        }
        assertEquals("jixiao-web", env.get("OIDC_CLIENT_ID"));
        assertEquals("true", env.get("CONSOLE_SECURE_COOKIES"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void noSecretValueIsCommitted(String overlay) {
        Manifests m = Manifests.render(overlay);
        assertEquals(List.of(), m.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList());
        for (Deployment d : m.all(Deployment.class)) {
            for (EnvVar e : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (e.getName().contains("PASSWORD") || e.getName().contains("JAAS") || e.getName().contains("SECRET")) {
                    assertNotNull(e.getValueFrom().getSecretKeyRef(), e.getName() + " comes from a Secret");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void replicasAreTheAutoscalersAndMemoryIsReservedAndFitsTheJvm(String overlay) {
        Manifests m = Manifests.render(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            assertNull(d.getSpec().getReplicas(), name + ": an HPA scales it, so replicas would fight it on every apply");
            assertNotNull(m.named(HorizontalPodAutoscaler.class, name));
            assertFalse(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().isEmpty(),
                    name + ": replicas spread across nodes");
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            long request = bytes(c.getResources().getRequests().get("memory").toString());
            long limit = bytes(c.getResources().getLimits().get("memory").toString());
            assertEquals(limit, request, name + ": memory request = limit (no overcommit, no OOM kill under pressure)");
            String options = c.getEnv().stream().filter(e -> e.getName().equals("JAVA_OPTS_APPEND")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " sets no JVM options")).getValue();
            long heap = bytes(option(options, "-Xmx"));
            long codeCache = bytes(option(options, "-XX:ReservedCodeCacheSize="));
            // metaspace, thread stacks, GC and native buffers: what the local stack measured stays under 160 MB
            long rest = 160L << 20;
            assertTrue(heap + codeCache + rest <= limit, name + ": heap " + heap + " + code cache " + codeCache
                    + " + 160 MB do not fit the " + limit + " limit");
            assertFalse(options.contains("MaxRAMPercentage"), name + ": the measured heap, not a share of the limit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyDatabaseAndRoleAPodNamesExistsInTheCluster(String overlay) {
        Manifests m = Manifests.render(overlay);
        Map<String, Object> cluster = spec(m.custom("Cluster").get(0));
        Set<String> databases = new TreeSet<>();
        Set<String> roleSecrets = new TreeSet<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> initdb = (Map<String, Object>) ((Map<String, Object>) cluster.get("bootstrap")).get("initdb");
        databases.add((String) initdb.get("database"));
        roleSecrets.add(secretName(initdb.get("secret")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) cluster.get("managed")).get("roles");
        roles.forEach(role -> roleSecrets.add(secretName(role.get("passwordSecret"))));
        m.custom("Database").forEach(db -> databases.add((String) spec(db).get("name")));
        for (String service : SERVICES) {
            String db = "jixiao_" + service.replace("-service", "");
            assertTrue(databases.contains(db), service + ": no database " + db);
            assertTrue(roleSecrets.contains("jixiao-" + service.replace("-service", "") + "-db"), service + ": owner role");
            assertTrue(roleSecrets.contains("jixiao-" + service.replace("-service", "") + "-db-app"), service + ": runtime role");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> keycloakDb = (Map<String, Object>) spec(m.custom("Keycloak").get(0)).get("db");
        assertTrue(databases.contains((String) keycloakDb.get("database")), "Keycloak's database " + keycloakDb.get("database"));
        assertTrue(roleSecrets.contains(secretName(keycloakDb.get("passwordSecret"))), "Keycloak's role");
    }

    @SuppressWarnings("unchecked")
    private static String secretName(Object reference) {
        return (String) ((Map<String, Object>) reference).get("name");
    }

    private static String option(String options, String prefix) {
        for (String option : options.split("\\s+")) {
            if (option.startsWith(prefix)) {
                return option.substring(prefix.length());
            }
        }
        throw new AssertionError("no " + prefix + " in " + options);
    }

    /** 64m, 96M, 384Mi, 1Gi as bytes. */
    private static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kKmMgG]i?)?").matcher(size.trim());
        assertTrue(m.matches(), size);
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).substring(0, 1).toLowerCase();
        return switch (unit) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
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
