package io.jixiao.budget;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A government department (单位), identified by its code, e.g. {@code HHGXJ}. */
@Entity
public class Department extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public OffsetDateTime registeredAt;

    @Column(nullable = false)
    public String registeredBy;
}
