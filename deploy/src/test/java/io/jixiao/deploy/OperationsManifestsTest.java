package io.jixiao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What an operator runs the platform with: scraping and alerts, backups and restore, images, the way in. */
class OperationsManifestsTest {

    private static final Pattern METRIC = Pattern.compile("\\b(jixiao_[a-z_]+)");

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyServiceIsScrapedAndEveryAlertReadsAMetricTheCodeRegisters(String overlay) throws IOException {
        Manifests m = Manifests.render(overlay);
        List<JsonNode> monitors = m.documents("PodMonitor");
        for (String service : ManifestsTest.APPLICATIONS) {
            JsonNode template = m.document("Deployment", service).at("/spec/template");
            Map<String, String> labels = labels(template.at("/metadata/labels"));
            JsonNode monitor = monitors.stream().filter(p -> NetworkPoliciesTest.Network.selects(p.at("/spec/selector"), labels))
                    .findFirst().orElseThrow(() -> new AssertionError("no PodMonitor selects " + service));
            JsonNode endpoint = monitor.at("/spec/podMetricsEndpoints/0");
            assertEquals("/q/metrics", endpoint.path("path").asText(), service);
            boolean portNamed = false;
            for (JsonNode port : template.at("/spec/containers/0/ports")) {
                portNamed |= port.path("name").asText().equals(endpoint.path("port").asText());
            }
            assertTrue(portNamed, service + " has no port named " + endpoint.path("port").asText());
        }
        // the Kafka exporter (consumer lag) runs and is scraped; PostgreSQL is scraped
        assertFalse(m.document("Kafka", "jixiao-kafka").at("/spec/kafkaExporter").isMissingNode(), "Kafka exporter");
        assertTrue(monitors.stream().anyMatch(p -> NetworkPoliciesTest.Network.selects(p.at("/spec/selector"),
                Map.of("strimzi.io/kind", "Kafka", "strimzi.io/cluster", "jixiao-kafka", "strimzi.io/name", "jixiao-kafka-kafka-exporter"))));
        assertTrue(monitors.stream().anyMatch(p -> NetworkPoliciesTest.Network.selects(p.at("/spec/selector"),
                Map.of("cnpg.io/cluster", "jixiao-db", "cnpg.io/podRole", "instance"))));

        Set<String> registered = registeredMetrics();
        Set<String> named = new TreeSet<>();
        List<String> alerts = new java.util.ArrayList<>();
        for (JsonNode rules : m.documents("PrometheusRule")) {
            for (JsonNode group : rules.at("/spec/groups")) {
                for (JsonNode rule : group.path("rules")) {
                    alerts.add(rule.path("alert").asText());
                    named.addAll(metrics(rule.path("expr").asText()));
                }
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(m.document("ConfigMap", "jixiao-dashboard").at("/data/jixiao-dashboard.json").asText());
        assertEquals("1", m.document("ConfigMap", "jixiao-dashboard").at("/metadata/labels/grafana_dashboard").asText());
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(t -> named.addAll(metrics(t.path("expr").asText())));
        }
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(registered);
        assertEquals(Set.of(), unknown, "alerts or dashboard panels read metrics no service registers");
        // one alert per signal the operator's guide says to watch
        for (String alert : List.of("JixiaoOutboxBacklog", "JixiaoConsumerLag", "JixiaoConsumerStalled", "JixiaoEventsDeadLettered",
                "JixiaoEventsParked", "JixiaoServerErrors", "KafkaDiskFillingUp", "DatabaseWalArchivingLate")) {
            assertTrue(alerts.contains(alert), alert);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void theDatabaseIsBackedUpThroughTheBarmanCloudPlugin(String overlay) {
        Manifests m = Manifests.render(overlay);
        JsonNode cluster = m.document("Cluster", "jixiao-db");
        assertTrue(cluster.at("/spec/backup/barmanObjectStore").isMissingNode(), "the deprecated in-tree backup is gone");
        JsonNode plugin = cluster.at("/spec/plugins/0");
        assertEquals("barman-cloud.cloudnative-pg.io", plugin.path("name").asText());
        assertTrue(plugin.path("isWALArchiver").asBoolean(), "the plugin archives the WAL");
        m.document("ObjectStore", plugin.at("/parameters/barmanObjectName").asText());
        JsonNode scheduled = m.documents("ScheduledBackup").get(0);
        assertEquals("plugin", scheduled.at("/spec/method").asText());
        assertEquals("barman-cloud.cloudnative-pg.io", scheduled.at("/spec/pluginConfiguration/name").asText());
        assertEquals("jixiao-db", scheduled.at("/spec/cluster/name").asText());
    }

    @Test
    void devAndProdBackUpToDifferentBucketsAndTheRestoreClusterReadsTheBackups() {
        String dev = Manifests.render("overlays/dev").document("ObjectStore", "jixiao-backups").at("/spec/configuration/destinationPath").asText();
        String prod = Manifests.render("overlays/prod").document("ObjectStore", "jixiao-backups").at("/spec/configuration/destinationPath").asText();
        assertNotEquals(bucket(dev), bucket(prod), "dev " + dev + " and prod " + prod + " share a bucket");

        Path file = Manifests.KUSTOMIZE.resolve("restore/jixiao-db-restored.yaml");
        JsonNode restore = PublishedSchemas.readAll(file).get(0);
        assertEquals(List.of(), new PublishedSchemas().violations(restore), file.toString());
        String source = restore.at("/spec/bootstrap/recovery/source").asText();
        JsonNode external = null;
        for (JsonNode e : restore.at("/spec/externalClusters")) {
            external = e.path("name").asText().equals(source) ? e : external;
        }
        assertTrue(external != null, "the recovery source " + source + " is an external cluster");
        assertEquals("jixiao-backups", external.at("/plugin/parameters/barmanObjectName").asText());
        assertEquals("jixiao-db", external.at("/plugin/parameters/serverName").asText(), "it reads the backups jixiao-db wrote");
        assertNotEquals("jixiao-db", restore.at("/spec/plugins/0/parameters/serverName").asText(),
                "the restored cluster archives under its own name, never over the backups it came from");
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void imagesComeFromTheRegistryAndAMovingTagIsAlwaysPulled(String overlay) {
        for (JsonNode d : Manifests.render(overlay).documents("Deployment")) {
            JsonNode container = d.at("/spec/template/spec/containers/0");
            String image = container.path("image").asText();
            String name = d.at("/metadata/name").asText();
            assertTrue(image.startsWith("registry.jixiao.example/"), name + ": " + image + " names its registry");
            String tag = image.contains("@sha256:") ? "" : image.substring(image.lastIndexOf(':') + 1);
            if (overlay.endsWith("prod")) {
                assertTrue(tag.isEmpty() || tag.matches("\\d+\\.\\d+\\.\\d+"), name + ": " + image + " is a release, not a moving tag");
            } else {
                assertEquals("Always", container.path("imagePullPolicy").asText(), name + ": " + image + " moves; pull it each start");
            }
        }
    }

    @Test
    void prodIsReachedThroughAnIngressWithTlsOnEveryHost() {
        Manifests m = Manifests.render("overlays/prod");
        Set<String> tlsHosts = new TreeSet<>();
        Set<String> backends = new TreeSet<>();
        for (JsonNode ingress : m.documents("Ingress")) {
            Set<String> hosts = new TreeSet<>();
            ingress.at("/spec/tls").forEach(t -> t.path("hosts").forEach(h -> hosts.add(h.asText())));
            for (JsonNode rule : ingress.at("/spec/rules")) {
                assertTrue(hosts.contains(rule.path("host").asText()), rule.path("host").asText() + " has TLS");
                rule.at("/http/paths").forEach(p -> backends.add(p.at("/backend/service/name").asText()));
            }
            tlsHosts.addAll(hosts);
        }
        Set<String> expected = new TreeSet<>(ManifestsTest.APPLICATIONS);
        expected.add("keycloak-service");
        assertEquals(expected, backends, "the three APIs, the web console and sign-in");
        // the console keeps sessions in its memory: its Ingress keeps a browser on one pod
        JsonNode console = m.document("Ingress", "web-console");
        assertEquals("cookie", console.at("/metadata/annotations/nginx.ingress.kubernetes.io~1affinity").asText());
        // and it is where the realm sends people back to after sign-in
        String redirect = m.document("KeycloakRealmImport", "jixiao-realm").at("/spec/realm/clients").findValues("redirectUris")
                .stream().flatMap(r -> java.util.stream.StreamSupport.stream(r.spliterator(), false)).map(JsonNode::asText)
                .filter(u -> u.startsWith("https://")).findFirst().orElseThrow();
        assertTrue(tlsHosts.contains(redirect.replaceAll("https://([^/]+)/.*", "$1")), redirect + " is a TLS host of the Ingress");
        for (String service : ManifestsTest.APPLICATIONS) {
            m.document("Service", service);
        }
        // Keycloak's own Ingress (the operator's, without TLS) is off: this one is the way in
        assertFalse(m.document("Keycloak", "keycloak").at("/spec/ingress/enabled").asBoolean(true));
        String issuer = m.document("ConfigMap", "jixiao-config").at("/data/OIDC_TOKEN_ISSUER").asText();
        assertTrue(issuer.startsWith("https://") && tlsHosts.contains(issuer.replaceAll("https://([^/]+)/.*", "$1")),
                "the issuer tokens name, " + issuer + ", is the Ingress's TLS host");
    }

    private static String bucket(String destination) {
        return destination.replaceAll("^s3://([^/]+).*", "$1");
    }

    /** Every metric name the services register, as Prometheus spells it (dots to underscores, counters with _total). */
    private static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern registered = Pattern.compile("\"(jixiao(?:\\.[a-z]+)+)\"");
        try (Stream<Path> files = Files.walk(Manifests.ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                Matcher matcher = registered.matcher(Files.readString(f));
                while (matcher.find()) {
                    String name = matcher.group(1).replace('.', '_');
                    names.add(name);
                    names.add(name + "_total");
                }
            }
        }
        return names;
    }

    private static Set<String> metrics(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expr);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
