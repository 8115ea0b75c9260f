package io.jixiao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * What Keycloak imports in each overlay: the ConfigMap {@code jixiao-realm}, mounted on the Keycloak CR
 * where {@code --import-realm} reads it. Production must hold no account anyone could sign in with by
 * a committed password, and no secret Keycloak would take literally: an unset {@code ${VAR}} in a
 * realm file is imported as the text itself.
 */
class RealmImportTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void productionImportsTheRealmAloneWithNoPasswordSignIn() {
        Map<String, Map<String, Object>> files = imported(Manifests.render("overlays/prod"));
        assertEquals(List.of("jixiao-realm.json"), List.copyOf(files.keySet()));
        Map<String, Object> realm = files.get("jixiao-realm.json");
        assertEquals(json(Manifests.read(Manifests.KUSTOMIZE.resolve("base/keycloak/jixiao-realm.json"))), realm,
                "the realm as committed");
        List<String> users = new ArrayList<>();
        for (Map<String, Object> user : list(realm, "users")) {
            users.add((String) user.get("username"));
            assertNull(user.get("credentials"), user.get("username") + " has a committed credential");
            assertNotNull(user.get("serviceAccountClientId"),
                    user.get("username") + " is not a service account: production users come from the city's SSO");
        }
        assertEquals(List.of("service-account-finance-portal"), users);
        List<String> clients = new ArrayList<>();
        for (Map<String, Object> client : list(realm, "clients")) {
            clients.add((String) client.get("clientId"));
            assertFalse(Boolean.TRUE.equals(client.get("directAccessGrantsEnabled")),
                    client.get("clientId") + " takes passwords directly (password grant)");
        }
        assertEquals(List.of("finance-portal", "jixiao-web"), clients);
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyPlaceholderWithoutADefaultIsSetOnKeycloakAndTheClientSecretFromASecret(String overlay) {
        Manifests m = Manifests.render(overlay);
        Map<String, EnvVar> environment = new HashMap<>();
        for (EnvVar e : keycloakContainer(m).getEnv()) {
            environment.put(e.getName(), e);
        }
        int placeholders = 0;
        for (Map.Entry<String, String> file : configMap(m).getData().entrySet()) {
            Matcher matcher = PLACEHOLDER.matcher(file.getValue());
            while (matcher.find()) {
                placeholders++;
                String variable = matcher.group(1);
                boolean hasDefault = matcher.group(2) != null;
                if (file.getKey().equals("jixiao-realm.json")) {
                    assertFalse(hasDefault, variable + " has a committed default in the production realm");
                }
                if (!hasDefault) {
                    assertNotNull(environment.get(variable), overlay + ": Keycloak does not set " + variable
                            + " (" + file.getKey() + "), so the realm would hold the text ${" + variable + "}");
                }
            }
        }
        assertTrue(placeholders >= 2, placeholders + " placeholders");
        EnvVar secret = environment.get("JIXIAO_PORTAL_CLIENT_SECRET");
        assertNotNull(secret.getValueFrom().getSecretKeyRef(), "the portal's client secret comes from a Secret");
        assertNull(secret.getValue());
    }

    @Test
    void devAddsTheTestUsersBesideTheSameRealm() {
        Map<String, Map<String, Object>> files = imported(Manifests.render("overlays/dev"));
        assertEquals(List.of("jixiao-realm.json", "jixiao-users-0.json"), List.copyOf(files.keySet()));
        assertEquals(imported(Manifests.render("overlays/prod")).get("jixiao-realm.json"), files.get("jixiao-realm.json"));
        Map<String, Object> users = files.get("jixiao-users-0.json");
        assertEquals("jixiao", users.get("realm"), "Keycloak imports a users file with the realm it names");
        List<String> names = new ArrayList<>();
        list(users, "users").forEach(u -> names.add((String) u.get("username")));
        assertEquals(List.of("hhgxj-user", "hhgxj-lead", "hhczj-user", "reviewer", "admin"), names);
    }

    /** The files of the ConfigMap the Keycloak CR mounts on Keycloak's import directory, by name, in name order. */
    private static Map<String, Map<String, Object>> imported(Manifests m) {
        Map<String, Map<String, Object>> files = new TreeMap<>();
        configMap(m).getData().forEach((name, text) -> files.put(name, json(text)));
        return files;
    }

    @SuppressWarnings("unchecked")
    private static ConfigMap configMap(Manifests m) {
        GenericKubernetesResource keycloak = m.custom("Keycloak").get(0);
        Map<String, Object> podSpec = (Map<String, Object>) podTemplate(keycloak).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        String volume = null;
        for (Map<String, Object> mount : (List<Map<String, Object>>) container.get("volumeMounts")) {
            if ("/opt/keycloak/data/import".equals(mount.get("mountPath"))) {
                volume = (String) mount.get("name");
            }
        }
        assertNotNull(volume, "nothing is mounted on Keycloak's import directory");
        for (Map<String, Object> v : (List<Map<String, Object>>) podSpec.get("volumes")) {
            if (v.get("name").equals(volume)) {
                return m.named(ConfigMap.class, (String) ((Map<String, Object>) v.get("configMap")).get("name"));
            }
        }
        throw new AssertionError("no volume " + volume);
    }

    @SuppressWarnings("unchecked")
    private static Container keycloakContainer(Manifests m) {
        Map<String, Object> podSpec = (Map<String, Object>) podTemplate(m.custom("Keycloak").get(0)).get("spec");
        Object container = ((List<Object>) podSpec.get("containers")).get(0);
        return SERIALIZATION.convertValue(container, Container.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podTemplate(GenericKubernetesResource keycloak) {
        Map<String, Object> spec = (Map<String, Object>) keycloak.getAdditionalProperties().get("spec");
        return (Map<String, Object>) ((Map<String, Object>) spec.get("unsupported")).get("podTemplate");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return SERIALIZATION.unmarshal(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> object, String field) {
        return (List<Map<String, Object>>) object.getOrDefault(field, List.of());
    }
}
