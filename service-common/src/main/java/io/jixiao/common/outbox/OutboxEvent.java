package io.jixiao.common.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An event waiting to be published (or already published) to Kafka. Written in the same
 * transaction as the ledger row it describes, so it exists exactly when that row does.
 * {@link #position} orders publication; per project it follows commit order, because every money
 * write of a project holds that project's row lock while it appends here.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String eventType;

    /** CloudEvents {@code ce_subject}, e.g. {@code project/<id>}. */
    @Column(nullable = false)
    public String subject;

    /** The Kafka record key: the project id (the department code for department-level events). */
    @Column(nullable = false)
    public String partitionKey;

    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public OffsetDateTime occurredAt;

    public OffsetDateTime publishedAt;
}
