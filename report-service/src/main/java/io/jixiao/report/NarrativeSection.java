package io.jixiao.report;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
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
    @Column(name = "department_code")
    public String departmentCode;

    @Id
    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Id
    @Column(name = "section_key")
    public String sectionKey;

    public String text;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
