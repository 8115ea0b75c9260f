package io.jixiao.infra;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.events.CloudEventHeaders;
import io.jixiao.events.EventSchemas;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;

/**
 * For tests of the consuming services: publishes budget.events as budget-service does (schema-checked CloudEvents, keyed by project),
 * keeping the running totals so every event carries consistent figures.
 */
public final class BudgetEventsFeed implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final KafkaProducer<String, String> producer;
    private final Map<UUID, BigDecimal[]> lineTotals = new HashMap<>();
    private final Map<UUID, UUID> projectOfLine = new HashMap<>();
    private final Map<UUID, String[]> projects = new HashMap<>();

    /** A project as registered: its id, its funding lines by name and the id of its ProjectRegistered event. */
    public record Project(UUID id, Map<String, UUID> lines, UUID eventId) {
        public UUID line(String name) {
            return lines.get(name);
        }
    }

    private final Map<UUID, String[]> sent = new HashMap<>();

    public BudgetEventsFeed(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    /** Registers a project with funding lines given as name → yuan. */
    public Project registerProject(String department, String name, Map<String, String> lines) {
        return registerProject(department, name, "MID_YEAR_ADJUSTMENT", lines);
    }

    public Project registerProject(String department, String name, String category, Map<String, String> lines) {
        return registerProject(department, name, category, lines, true);
    }

    /**
     * A ProjectRegistered event made as {@link #registerProject} makes it, but not sent: a test hands it
     * to a consumer itself, see {@link #asConsumed}.
     */
    public Project registerProjectUnsent(String department, String name, Map<String, String> lines) {
        return registerProject(department, name, "MID_YEAR_ADJUSTMENT", lines, false);
    }

    private Project registerProject(String department, String name, String category, Map<String, String> lines,
            boolean send) {
        UUID projectId = UUID.randomUUID();
        projects.put(projectId, new String[] { department });
        ObjectNode payload = header(projectId)
                .put("name", name).put("category", category).put("paidOnBehalf", false)
                .put("legalBasis", "依据《" + name + "》立项");
        BigDecimal budget = BigDecimal.ZERO.setScale(2);
        Map<String, UUID> ids = new LinkedHashMap<>();
        var array = payload.putArray("fundingLines");
        for (var line : lines.entrySet()) {
            UUID lineId = UUID.randomUUID();
            ids.put(line.getKey(), lineId);
            BigDecimal amount = new BigDecimal(line.getValue());
            lineTotals.put(lineId, new BigDecimal[] { amount, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2) });
            projectOfLine.put(lineId, projectId);
            budget = budget.add(amount);
            array.addObject().put("fundingLineId", lineId.toString()).put("name", line.getKey()).put("amount", line.getValue());
        }
        payload.put("budget", budget.toPlainString());
        UUID eventId = UUID.randomUUID();
        if (send) {
            send(EventTypes.PROJECT_REGISTERED, projectId.toString(), payload, eventId);
        } else {
            keep(Topics.BUDGET_EVENTS, EventTypes.PROJECT_REGISTERED, projectId.toString(), payload, eventId);
        }
        return new Project(projectId, ids, eventId);
    }

    public UUID arrive(UUID line, String amount) {
        return money(EventTypes.FUNDS_ARRIVED, line, amount, 1);
    }

    public UUID spend(UUID line, String amount) {
        return money(EventTypes.FUNDS_SPENT, line, amount, 2);
    }

    /** The payload of a FundsSpent event as it would be sent next, without sending it. */
    public ObjectNode nextSpent(UUID line, String amount) {
        BigDecimal[] t = lineTotals.get(line).clone();
        t[2] = t[2].add(new BigDecimal(amount));
        return moneyPayload(line, amount, t, projectTotalsWith(line, t)).put("payee", "p").put("purpose", "q");
    }

    /**
     * A FundsSpent event made as {@link #spend} makes it (the totals move on) but not sent: a test hands
     * it to a consumer itself, see {@link #asConsumed}.
     */
    public UUID spendUnsent(UUID line, String amount) {
        BigDecimal[] t = lineTotals.get(line);
        t[2] = t[2].add(new BigDecimal(amount));
        ObjectNode payload = moneyPayload(line, amount, t, projectTotalsWith(line, t)).put("payee", "p").put("purpose", "q");
        UUID id = UUID.randomUUID();
        keep(Topics.BUDGET_EVENTS, EventTypes.FUNDS_SPENT, projectOfLine.get(line).toString(), payload, id);
        return id;
    }

    /** An event made here as a consumer would read it off the broker, at the given offset. */
    public ConsumerRecord<String, String> asConsumed(UUID eventId, long offset) {
        String[] event = sent.get(eventId);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(event[0], 0, offset, event[1], event[2]);
        headers(eventId.toString(), event[3], EventTypes.sourceOf(event[3])).forEach(record.headers()::add);
        return record;
    }

    private UUID money(String type, UUID line, String amount, int column) {
        BigDecimal[] t = lineTotals.get(line);
        t[column] = t[column].add(new BigDecimal(amount));
        ObjectNode payload = moneyPayload(line, amount, t, projectTotalsWith(line, t));
        if (type.equals(EventTypes.FUNDS_SPENT)) {
            payload.put("payee", "怀化某公司").put("purpose", "运维服务");
        }
        UUID id = UUID.randomUUID();
        send(type, projectOfLine.get(line).toString(), payload, id);
        return id;
    }

    private ObjectNode moneyPayload(UUID line, String amount, BigDecimal[] t, BigDecimal[] project) {
        ObjectNode payload = header(projectOfLine.get(line))
                .put("entryId", UUID.randomUUID().toString())
                .put("fundingLineId", line.toString())
                .put("amount", new BigDecimal(amount).setScale(2).toPlainString());
        payload.putObject("lineTotals").put("budget", t[0].toPlainString()).put("arrived", t[1].toPlainString())
                .put("spent", t[2].toPlainString());
        payload.putObject("projectTotals").put("budget", project[0].toPlainString())
                .put("arrived", project[1].toPlainString()).put("spent", project[2].toPlainString());
        return payload;
    }

    private BigDecimal[] projectTotalsWith(UUID line, BigDecimal[] changed) {
        UUID project = projectOfLine.get(line);
        BigDecimal[] sum = { BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2) };
        projectOfLine.forEach((l, p) -> {
            if (p.equals(project)) {
                BigDecimal[] t = l.equals(line) ? changed : lineTotals.get(l);
                for (int i = 0; i < 3; i++) {
                    sum[i] = sum[i].add(t[i]);
                }
            }
        });
        return sum;
    }

    private ObjectNode header(UUID projectId) {
        ObjectNode payload = json.createObjectNode()
                .put("departmentCode", projects.get(projectId)[0])
                .put("fiscalYear", 2023)
                .put("projectId", projectId.toString())
                .put("businessDate", "2023-06-30");
        payload.putObject("actor").put("subject", "service-account-finance-portal").putNull("department");
        return payload;
    }

    /** Department-level events: the department itself and the figures the portal declares. */
    public void registerDepartment(String department, String name) {
        ObjectNode payload = json.createObjectNode().put("departmentCode", department).put("name", name)
                .put("businessDate", "2023-01-01");
        payload.putObject("actor").put("subject", "service-account-finance-portal").putNull("department");
        send(EventTypes.DEPARTMENT_REGISTERED, department, payload, UUID.randomUUID());
    }

    public void declare(String department, String approvedTotal, Map<String, Integer> counts, int projectCount) {
        ObjectNode payload = json.createObjectNode().put("departmentCode", department).put("fiscalYear", 2023)
                .put("approvedTotal", approvedTotal).put("projectCount", projectCount)
                .put("fundsAllocated", approvedTotal).put("businessDate", "2023-01-01");
        ObjectNode c = payload.putObject("projectCounts");
        counts.forEach(c::put);
        payload.putObject("actor").put("subject", "service-account-finance-portal").putNull("department");
        send(EventTypes.DECLARED_FIGURES_RECORDED, department, payload, UUID.randomUUID());
    }

    /** Sends a schema-checked event as budget-service's relay would. */
    public void send(String type, String key, ObjectNode payload, UUID eventId) {
        send(Topics.BUDGET_EVENTS, type, key, payload, eventId);
    }

    /** Sends a schema-checked event to any topic (indicator.events too). */
    public void send(String topic, String type, String key, ObjectNode payload, UUID eventId) {
        keep(topic, type, key, payload, eventId);
        sendRaw(topic, key, payload.toString(), eventId.toString(), type);
    }

    /** Schema-checks an event and keeps it, so {@link #asConsumed} and {@link #resend} can hand it out again. */
    private void keep(String topic, String type, String key, ObjectNode payload, UUID eventId) {
        EventSchemas.instance().requireValid(type, payload);
        sent.put(eventId, new String[] { topic, key, payload.toString(), type });
    }

    /** Sends an event already sent once more, same id and payload: what a redelivery looks like to a consumer. */
    public void resend(UUID eventId) {
        String[] event = sent.get(eventId);
        sendRaw(event[0], event[1], event[2], eventId.toString(), event[3]);
    }

    /** Sends anything at all: for the consumer's tolerance of what it does not understand. */
    public void sendRaw(String key, String value, String eventId, String type) {
        sendRaw(Topics.BUDGET_EVENTS, key, value, eventId, type);
    }

    /**
     * Sends anything, with the given {@code ce_source}: an event of one service's type forged by another (report-service
     * must take it from its owner only).
     */
    public void sendFrom(String source, String topic, String type, String key, ObjectNode payload, UUID eventId) {
        EventSchemas.instance().requireValid(type, payload);
        sendRaw(topic, key, payload.toString(), eventId.toString(), type, source);
    }

    private void sendRaw(String topic, String key, String value, String eventId, String type) {
        sendRaw(topic, key, value, eventId, type, type != null && EventSchemas.instance().knows(type)
                ? EventTypes.sourceOf(type) : "/jixiao/test-feed");
    }

    private void sendRaw(String topic, String key, String value, String eventId, String type, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers(eventId, type, source).forEach(record.headers()::add);
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CloudEvent's headers, as its owner's relay writes them (its service as the source). */
    private static List<RecordHeader> headers(String eventId, String type, String source) {
        List<RecordHeader> headers = new java.util.ArrayList<>();
        if (eventId != null) {
            headers.add(new RecordHeader(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8)));
        }
        if (type != null) {
            headers.add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
        }
        headers.add(new RecordHeader(CloudEventHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(CloudEventHeaders.TIME,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString().getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    @Override
    public void close() {
        producer.close();
    }
}
