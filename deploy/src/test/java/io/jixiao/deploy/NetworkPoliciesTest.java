package io.jixiao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The network as a cluster enforcing the rendered NetworkPolicies would let it through: the namespace denies by
 * default, every path a pod needs is open at both ends, and the paths nobody needs stay shut. Pods the operators
 * make are modelled by the labels those operators give them.
 */
class NetworkPoliciesTest {

    /** A pod: the namespace it runs in and its labels. */
    record Pod(String namespace, Map<String, String> labels) {
    }

    private static final Pod KEYCLOAK = new Pod("", Map.of("app", "keycloak"));
    private static final Pod DATABASE = new Pod("", Map.of("cnpg.io/cluster", "jixiao-db", "cnpg.io/podRole", "instance"));
    private static final Pod BROKER = new Pod("", Map.of("strimzi.io/cluster", "jixiao-kafka", "strimzi.io/kind", "Kafka"));
    private static final Pod INGRESS_CONTROLLER = new Pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Pod PROMETHEUS = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Pod OTHER = new Pod("", Map.of("app", "something-else"));
    private static final Pod OTHER_NAMESPACE = new Pod("tenant-b", Map.of("app.kubernetes.io/name", "web-console"));

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void theNamespaceDeniesEverythingNotAllowedByName(String overlay) {
        Network net = new Network(Manifests.render(overlay));
        assertTrue(net.policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && p.at("/spec/policyTypes").toString().contains("Ingress") && p.at("/spec/policyTypes").toString().contains("Egress")
                && p.at("/spec/ingress").isMissingNode() && p.at("/spec/egress").isMissingNode()),
                "a default-deny policy selecting every pod, in and out");
        for (String service : ManifestsTest.SERVICES) {
            assertFalse(net.reaches(OTHER, net.servicePod(service), net.servicePort(service)), "an unrelated pod reaches " + service);
            assertFalse(net.reaches(OTHER_NAMESPACE, net.servicePod(service), net.servicePort(service)),
                    "a pod of another namespace reaches " + service);
            assertFalse(net.reaches(net.servicePod(service), OTHER, 8080), service + " reaches an unrelated pod");
        }
        assertFalse(net.reaches(OTHER, DATABASE, 5432), "an unrelated pod reaches PostgreSQL");
        assertFalse(net.reaches(BROKER, DATABASE, 5432), "Kafka reaches PostgreSQL");
        assertFalse(net.reaches(KEYCLOAK, BROKER, net.kafkaPort()), "Keycloak reaches Kafka");
        assertFalse(net.reaches(OTHER, BROKER, net.kafkaPort()), "an unrelated pod reaches Kafka");
        assertFalse(net.reaches(OTHER, KEYCLOAK, 8080), "an unrelated pod reaches Keycloak");
        assertFalse(net.reaches(PROMETHEUS, DATABASE, 5432), "Prometheus reaches PostgreSQL's SQL port");
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyPathAPodNeedsIsOpenAtBothEnds(String overlay) {
        Network net = new Network(Manifests.render(overlay));
        for (String service : ManifestsTest.SERVICES) {
            Pod pod = net.servicePod(service);
            int port = net.servicePort(service);
            assertTrue(net.reaches(pod, DATABASE, 5432), service + " → PostgreSQL");
            assertTrue(net.reaches(pod, BROKER, net.kafkaPort()), service + " → Kafka");
            assertTrue(net.reaches(pod, KEYCLOAK, 8080), service + " → Keycloak");
            assertTrue(net.reaches(net.servicePod("web-console"), pod, port), "web console → " + service);
            assertTrue(net.reaches(INGRESS_CONTROLLER, pod, port), "ingress controller → " + service);
            assertTrue(net.reaches(PROMETHEUS, pod, port), "Prometheus → " + service);
        }
        assertTrue(net.reaches(KEYCLOAK, DATABASE, 5432), "Keycloak → PostgreSQL");
        assertTrue(net.reaches(DATABASE, DATABASE, 5432), "PostgreSQL's replicas → its primary");
        assertTrue(net.reaches(BROKER, BROKER, 9091), "broker → broker");
        Pod console = net.servicePod("web-console");
        int consolePort = net.servicePort("web-console");
        assertTrue(net.reaches(console, KEYCLOAK, 8080), "web console → Keycloak");
        assertTrue(net.reaches(INGRESS_CONTROLLER, console, consolePort), "ingress controller → web console");
        assertTrue(net.reaches(PROMETHEUS, console, consolePort), "Prometheus → web console");
        // the console owns no data: it reaches no database and no broker, and nothing else reaches it
        assertFalse(net.reaches(console, DATABASE, 5432), "web console → PostgreSQL");
        assertFalse(net.reaches(console, BROKER, net.kafkaPort()), "web console → Kafka");
        assertFalse(net.reaches(OTHER, console, consolePort), "an unrelated pod → web console");
        assertTrue(net.reaches(INGRESS_CONTROLLER, KEYCLOAK, 8080), "ingress controller → Keycloak (sign-in)");
        assertTrue(net.reaches(new Pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg")), DATABASE, 8000),
                "the CloudNativePG operator → its instances");
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void kafkaIsReachedOverTlsWithTheClusterCaTheServicesMount(String overlay) {
        Manifests m = Manifests.render(overlay);
        Network net = new Network(m);
        JsonNode listener = net.kafkaListener();
        assertTrue(listener.path("tls").asBoolean(), "the listener the services use has TLS");
        String bootstrap = m.documents("ConfigMap").stream()
                .map(d -> d.at("/data/KAFKA_BOOTSTRAP_SERVERS").asText()).filter(s -> !s.isEmpty()).findFirst().orElseThrow();
        assertTrue(bootstrap.endsWith(":" + listener.path("port").asInt()), bootstrap + " is the TLS listener's port");
        for (String service : ManifestsTest.SERVICES) {
            JsonNode podSpec = net.deployment(service).at("/spec/template/spec");
            Map<String, String> env = new HashMap<>();
            podSpec.at("/containers/0/env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"), service);
            String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            boolean mounted = false;
            for (JsonNode mount : podSpec.at("/containers/0/volumeMounts")) {
                if (truststore != null && truststore.startsWith(mount.path("mountPath").asText() + "/")) {
                    for (JsonNode volume : podSpec.path("volumes")) {
                        mounted |= volume.path("name").asText().equals(mount.path("name").asText())
                                && volume.at("/secret/secretName").asText().equals("jixiao-kafka-cluster-ca-cert");
                    }
                }
            }
            assertTrue(mounted, service + ": " + truststore + " is the cluster CA Strimzi publishes");
        }
    }

    /** The rendered policies, and whether one pod may open a connection to another's port under them. */
    static final class Network {
        final List<JsonNode> policies = new ArrayList<>();
        private final Manifests manifests;

        Network(Manifests manifests) {
            this.manifests = manifests;
            policies.addAll(manifests.documents("NetworkPolicy"));
        }

        JsonNode deployment(String name) {
            return manifests.document("Deployment", name);
        }

        Pod servicePod(String service) {
            Map<String, String> labels = new HashMap<>();
            deployment(service).at("/spec/template/metadata/labels").fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return new Pod("", labels);
        }

        int servicePort(String service) {
            return deployment(service).at("/spec/template/spec/containers/0/ports/0/containerPort").asInt();
        }

        JsonNode kafkaListener() {
            JsonNode kafka = manifests.documents("Kafka").get(0);
            JsonNode listeners = kafka.at("/spec/kafka/listeners");
            assertEquals(1, listeners.size(), "one listener, the one the services use");
            return listeners.get(0);
        }

        int kafkaPort() {
            return kafkaListener().path("port").asInt();
        }

        boolean reaches(Pod from, Pod to, int port) {
            return leaves(from, to, port) && enters(from, to, port);
        }

        /** Whether the receiving end lets the connection in (what the sender's own policy says aside). */
        boolean admits(Pod from, Pod to, int port) {
            return enters(from, to, port);
        }

        /** Outside this namespace nothing is restricted here; inside, some policy selecting the pod must allow it. */
        private boolean leaves(Pod from, Pod to, int port) {
            if (!from.namespace().isEmpty()) {
                return true;
            }
            return allowed(from, "Egress", "egress", "to", to, port);
        }

        private boolean enters(Pod from, Pod to, int port) {
            if (!to.namespace().isEmpty()) {
                return true;
            }
            if (to.labels().containsKey("strimzi.io/cluster")) {
                return strimziAllows(from, to, port);
            }
            return allowed(to, "Ingress", "ingress", "from", from, port);
        }

        private boolean allowed(Pod subject, String type, String rulesField, String peersField, Pod peer, int port) {
            for (JsonNode policy : policies) {
                if (!selects(policy.at("/spec/podSelector"), subject.labels())
                        || !policy.at("/spec/policyTypes").toString().contains(type)) {
                    continue;
                }
                for (JsonNode rule : policy.at("/spec/" + rulesField)) {
                    if (ports(rule.path("ports"), port) && peers(rule.path(peersField), peer)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Strimzi writes the Kafka pods' ingress policy: the listener's port from its networkPolicyPeers, and the
         * replication and control ports (9090, 9091) from the cluster's own pods.
         */
        private boolean strimziAllows(Pod from, Pod to, int port) {
            JsonNode listener = kafkaListener();
            if (port == listener.path("port").asInt()) {
                return !listener.has("networkPolicyPeers") || peers(listener.path("networkPolicyPeers"), from);
            }
            return (port == 9090 || port == 9091) && to.labels().get("strimzi.io/cluster").equals(from.labels().get("strimzi.io/cluster"));
        }

        private static boolean ports(JsonNode ports, int port) {
            if (ports.isMissingNode() || ports.isEmpty()) {
                return true;
            }
            for (JsonNode p : ports) {
                if (p.path("port").asInt() == port) {
                    return true;
                }
            }
            return false;
        }

        private static boolean peers(JsonNode peers, Pod pod) {
            if (peers.isMissingNode()) {
                return true; // a rule without peers allows every peer
            }
            for (JsonNode peer : peers) {
                JsonNode namespaces = peer.path("namespaceSelector");
                JsonNode pods = peer.path("podSelector");
                boolean namespaceMatches = namespaces.isMissingNode() ? pod.namespace().isEmpty()
                        : selects(namespaces, Map.of("kubernetes.io/metadata.name", pod.namespace().isEmpty() ? "jixiao" : pod.namespace()));
                boolean podMatches = pods.isMissingNode() || selects(pods, pod.labels());
                if (peer.has("ipBlock") || namespaceMatches && podMatches) {
                    return true;
                }
            }
            return false;
        }

        /** A label selector: every matchLabels entry and every matchExpressions term (In, NotIn, Exists) holds. */
        static boolean selects(JsonNode selector, Map<String, String> labels) {
            for (Map.Entry<String, JsonNode> e : iterable(selector.path("matchLabels"))) {
                if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
            for (JsonNode term : selector.path("matchExpressions")) {
                String value = labels.get(term.path("key").asText());
                List<String> values = new ArrayList<>();
                term.path("values").forEach(v -> values.add(v.asText()));
                boolean holds = switch (term.path("operator").asText()) {
                    case "In" -> values.contains(value);
                    case "NotIn" -> !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown operator in " + term);
                };
                if (!holds) {
                    return false;
                }
            }
            return true;
        }

        private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
            return node::fields;
        }
    }
}
