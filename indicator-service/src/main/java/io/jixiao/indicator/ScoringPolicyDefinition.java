package io.jixiao.indicator;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A named scoring policy, stored as data (its JSON definition): provinces differ. */
@Entity
@Table(name = "scoring_policy")
public class ScoringPolicyDefinition extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false)
    public String definition;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public String createdBy;
}
