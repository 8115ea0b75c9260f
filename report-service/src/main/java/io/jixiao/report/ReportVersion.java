package io.jixiao.report;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A submitted version, frozen with its files: later ledger changes never alter it. */
@Entity
@Table(name = "report_version")
@IdClass(ReportVersion.Key.class)
public class ReportVersion extends PanacheEntityBase implements Serializable {

    public record Key(String departmentCode, int fiscalYear, int number) implements Serializable {
        public Key() {
            this(null, 0, 0);
        }
    }

    @Id
    public String departmentCode;

    @Id
    public int fiscalYear;

    @Id
    public int number;

    public OffsetDateTime submittedAt;

    public String submittedBy;

    public String reportJson;

    public String reportHtml;

    public byte[] reportDocx;

    public byte[] reportXlsx;
}
