package io.jixiao.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One scoring of a department-year, kept with the policy it used and its full detail (JSON). */
@Entity
@Table(name = "score_result")
public class ScoreResult extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String policyName;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(nullable = false)
    public String grade;

    @Column(nullable = false)
    public String detail;

    @Column(nullable = false)
    public OffsetDateTime computedAt;

    @Column(nullable = false)
    public String computedBy;

    public static Optional<ScoreResult> latest(String departmentCode, int fiscalYear) {
        return find("departmentCode = ?1 and fiscalYear = ?2 order by computedAt desc", departmentCode, fiscalYear)
                .firstResultOptional();
    }
}
