package io.jixiao.report;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
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
    @Column(name = "department_code")
    public String departmentCode;

    @Id
    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Id
    public int number;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "report_json")
    public String reportJson;

    @Column(name = "report_html")
    public String reportHtml;

    @Column(name = "report_docx")
    public byte[] reportDocx;

    @Column(name = "report_xlsx")
    public byte[] reportXlsx;
}
