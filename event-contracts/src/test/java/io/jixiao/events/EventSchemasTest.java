package io.jixiao.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    private final ObjectMapper json = new ObjectMapper();
    private final EventSchemas schemas = EventSchemas.instance();

    private ObjectNode fundsSpent() throws IOException {
        return (ObjectNode) json.readTree("""
                {"departmentCode":"HHGXJ","fiscalYear":2023,
                 "projectId":"0b6f3a52-3d5e-4c4f-9a37-2f0d0f3b8c11",
                 "entryId":"7d0c2a1e-8f4b-4b8e-9b3a-1c2d3e4f5a6b",
                 "fundingLineId":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                 "amount":"120000.00","payee":"怀化市某信息技术有限公司","purpose":"智慧怀化平台运维",
                 "voucherNumber":"记-2023-0412",
                 "lineTotals":{"budget":"300000.00","arrived":"300000.00","spent":"120000.00"},
                 "projectTotals":{"budget":"340000.00","arrived":"340000.00","spent":"120000.00"},
                 "businessDate":"2023-04-12","actor":{"subject":"dept-user-1","department":"HHGXJ"}}
                """);
    }

    @Test
    void aWellFormedDisbursementConforms() throws IOException {
        assertEquals(List.of(), schemas.violations(EventTypes.FUNDS_SPENT, fundsSpent()));
    }

    @Test
    void anAmountAsANumberOrWithThreeDecimalsIsRefused() throws IOException {
        ObjectNode asNumber = fundsSpent();
        asNumber.put("amount", 120000.5);
        assertFalse(schemas.violations(EventTypes.FUNDS_SPENT, asNumber).isEmpty());

        ObjectNode threeDecimals = fundsSpent();
        threeDecimals.put("amount", "1.005");
        assertFalse(schemas.violations(EventTypes.FUNDS_SPENT, threeDecimals).isEmpty());

        ObjectNode negative = fundsSpent();
        negative.put("amount", "-5.00");
        assertFalse(schemas.violations(EventTypes.FUNDS_SPENT, negative).isEmpty());
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        ObjectNode noProject = fundsSpent();
        noProject.remove("projectId");
        List<String> violations = schemas.violations(EventTypes.FUNDS_SPENT, noProject);
        assertTrue(violations.stream().anyMatch(v -> v.contains("projectId")), violations.toString());
        assertThrows(EventSchemas.InvalidEventException.class,
                () -> schemas.requireValid(EventTypes.FUNDS_SPENT, noProject));
    }

    @Test
    void anAddedFieldIsAccepted() throws IOException {
        // a field may be added within a version (DESIGN §4): consumers must tolerate it
        ObjectNode withExtra = fundsSpent();
        withExtra.put("costCentre", "A-12");
        assertEquals(List.of(), schemas.violations(EventTypes.FUNDS_SPENT, withExtra));
    }

    @Test
    void anUnknownTypeIsNotValidated() throws IOException {
        assertFalse(schemas.knows("jixiao.budget.Unheard.v1"));
        assertEquals(List.of("unknown event type jixiao.budget.Unheard.v1"),
                schemas.violations("jixiao.budget.Unheard.v1", fundsSpent()));
    }

    @Test
    void everyTypeHasASchemaAndEverySchemaAType() throws IOException, URISyntaxException {
        for (String type : EventTypes.ALL) {
            assertNotNull(getClass().getResource("/schemas/" + EventTypes.schemaPath(type)), type);
        }
        Path root = Path.of(getClass().getResource("/schemas").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<String> declared = files.filter(f -> f.getFileName().toString().matches(".+\\.v[0-9]+\\.json"))
                    .map(f -> "jixiao." + root.relativize(f).toString().replace('/', '.').replaceAll("\\.json$", ""))
                    .sorted().toList();
            assertEquals(EventTypes.ALL.stream().sorted().toList(), declared);
        }
    }
}
