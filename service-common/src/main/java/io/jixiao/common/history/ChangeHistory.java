package io.jixiao.common.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.events.Actor;
import io.jixiao.common.jdbc.SqlValues;
import io.jixiao.common.security.Caller;

/**
 * Who changed what, when, from what to what (DESIGN §9): every change of an object a person edits (an indicator,
 * its actual value, a narrative section, declared figures, a scoring template) is kept, in the transaction of the
 * change, with the object as it was and as it became. Append-only; read per object, oldest first.
 */
@ApplicationScoped
public class ChangeHistory {

    /** One change: what became of the object ({@code before} null when it was created). */
    public record Change(OffsetDateTime at, String by, String byDepartment, String change, JsonNode before, JsonNode after) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    /** Records a change of {@code objectType}/{@code objectId}, made by the caller, in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String objectType, String objectId, String change, Object before, Object after) {
        record(objectType, objectId, change, before, after, caller.actor());
    }

    /** Records a change made on someone's behalf outside their request (an event of theirs being applied). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String objectType, String objectId, String change, Object before, Object after, Actor actor) {
        em.createNativeQuery("""
                insert into change_history (id, object_type, object_id, change, before_value, after_value, changed_at,
                    changed_by, changed_by_department)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, objectType)
                .setParameter(3, objectId)
                .setParameter(4, change)
                .setParameter(5, before == null ? null : write(before))
                .setParameter(6, after == null ? null : write(after))
                .setParameter(7, OffsetDateTime.now())
                .setParameter(8, actor.subject())
                .setParameter(9, actor.department())
                .executeUpdate();
    }

    /** The object's changes, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Change> of(String objectType, String objectId) {
        List<Object[]> rows = em.createNativeQuery("""
                select changed_at, changed_by, changed_by_department, change, before_value, after_value
                from change_history where object_type = ?1 and object_id = ?2 order by changed_at, id""")
                .setParameter(1, objectType).setParameter(2, objectId).getResultList();
        List<Change> changes = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            changes.add(new Change(SqlValues.offsetDateTime(r[0]), (String) r[1], (String) r[2], (String) r[3], read((String) r[4]),
                    read((String) r[5])));
        }
        return changes;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
