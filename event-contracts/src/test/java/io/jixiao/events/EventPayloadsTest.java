package io.jixiao.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.events.budget.FundsSpent;

/** Each type's record and its schema agree: the same fields, and an example goes through the record unchanged. */
class EventPayloadsTest {

    private final ObjectMapper json = new ObjectMapper();

    static List<String> types() {
        return EventTypes.ALL;
    }

    @ParameterizedTest
    @MethodSource("types")
    void theRecordHasTheSchemasFieldsNoMoreNoFewer(String type) throws IOException {
        Set<String> schemaFields = new TreeSet<>();
        try (InputStream schema = getClass().getResourceAsStream("/schemas/" + EventTypes.schemaPath(type))) {
            json.readTree(schema).get("properties").fieldNames().forEachRemaining(schemaFields::add);
        }
        Set<String> recordFields = new TreeSet<>(Arrays.stream(EventTypes.payloadOf(type).getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertEquals(schemaFields, recordFields, type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void anExampleConformsAndGoesThroughItsRecordUnchanged(String type) throws IOException {
        JsonNode example;
        try (InputStream in = getClass().getResourceAsStream("/examples/" + EventTypes.schemaPath(type))) {
            assertNotNull(in, "an example of " + type);
            example = json.readTree(in);
        }
        assertEquals(List.of(), EventSchemas.instance().violations(type, example), type);
        EventPayload payload = EventJson.read(example, EventTypes.payloadOf(type));
        assertEquals(type, EventTypes.typeOf(payload));
        assertEquals(example, EventJson.write(payload), type + " written back");
    }

    @Test
    void moneyIsWrittenAsTheStringItWasGivenNeverAsANumber() {
        FundsSpent spent = new FundsSpent("HHGXJ", 2023, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new BigDecimal("0.10"), "收款方", "用途", null,
                new Totals(new BigDecimal("1E+3").setScale(2), new BigDecimal("1000.00"), new BigDecimal("0.10")),
                new Totals(new BigDecimal("1000.00"), new BigDecimal("1000.00"), new BigDecimal("0.10")),
                LocalDate.of(2023, 4, 12), new Actor("u", "HHGXJ"));
        JsonNode written = EventJson.write(spent);
        assertEquals("0.10", written.get("amount").textValue());
        assertEquals("1000.00", written.at("/lineTotals/budget").textValue());
        assertEquals("2023-04-12", written.get("businessDate").textValue());
        assertEquals(List.of(), EventSchemas.instance().violations(EventTypes.FUNDS_SPENT, written));
    }

    @Test
    void aPayloadThatDoesNotFitItsRecordIsRefusedWithTheReason() throws IOException {
        JsonNode wrong = json.readTree("{\"departmentCode\":\"HHGXJ\",\"fiscalYear\":\"next year\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventJson.read(wrong, EventTypes.payloadOf(EventTypes.DEPARTMENT_YEAR_CLOSED)));
        assertTrue(e.getMessage().contains("DepartmentYearClosed"), e.getMessage());
    }
}
