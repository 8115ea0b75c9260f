package io.jixiao.report;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A part of the report the department writes itself; escaped in every output format. */
@Entity
@Table(name = "narrative_section")
@IdClass(NarrativeSection.Key.class)
public class NarrativeSection extends PanacheEntityBase implements Serializable {

    public record Key(String departmentCode, int fiscalYear, String sectionKey) implements Serializable {
        public Key() {
            this(null, 0, null);
        }
    }

    @Id
    public String departmentCode;

    @Id
    public int fiscalYear;

    @Id
    public String sectionKey;

    public String text;

    public OffsetDateTime updatedAt;

    public String updatedBy;
}
