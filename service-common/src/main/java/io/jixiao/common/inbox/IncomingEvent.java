package io.jixiao.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.events.CloudEventHeaders;
import io.jixiao.events.EventPayload;

/**
 * A CloudEvent (binary mode) read off a Kafka record: its attributes, its JSON payload and, once that passed its
 * schema, the payload's record ({@link #data()}); and the Kafka record itself (what is held, whole, if the event
 * cannot be applied).
 */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time, String key,
        JsonNode payload, EventPayload data, String topic, int partition, long offset,
        ConsumerRecord<String, String> record) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the record, or says in one sentence why it cannot be read. */
    public static IncomingEvent parse(ConsumerRecord<String, String> record) throws UnreadableEventException {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new UnreadableEventException("not a CloudEvent: the ce_id or ce_type header is missing");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("ce_id '" + id + "' is not a UUID");
        }
        if (record.value() == null) {
            throw new UnreadableEventException("the record has no payload");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("the payload is not JSON: " + e.getOriginalMessage());
        }
        if (payload == null || !payload.isObject()) {
            throw new UnreadableEventException("the payload is not a JSON object");
        }
        return new IncomingEvent(eventId, type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), time(record), record.key(), payload, null, record.topic(),
                record.partition(), record.offset(), record);
    }

    /** The event with its payload read as its type's record (after the schema check). */
    IncomingEvent withData(EventPayload data) {
        return new IncomingEvent(id, type, source, subject, time, key, payload, data, topic, partition, offset, record);
    }

    /** The payload's record, as the handler of this type expects it. */
    public <T extends EventPayload> T data(Class<T> type) {
        return type.cast(data);
    }

    /** ce_time, or the record's own timestamp where a producer left it out. */
    private static OffsetDateTime time(ConsumerRecord<String, String> record) throws UnreadableEventException {
        String time = header(record, CloudEventHeaders.TIME);
        if (time == null) {
            return OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("ce_time '" + time + "' is not an RFC 3339 time");
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The record cannot be read as an event of ours: it goes to the dead-letter topic with this reason. */
    public static class UnreadableEventException extends Exception {
        public UnreadableEventException(String reason) {
            super(reason);
        }
    }
}
