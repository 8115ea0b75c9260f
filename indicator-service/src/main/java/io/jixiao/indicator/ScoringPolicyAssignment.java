package io.jixiao.indicator;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A finance reviewer's choice of the scoring policy (template) a department-year is scored under. Append-only:
 * the latest holds.
 */
@Entity
@Table(name = "scoring_policy_assignment")
public class ScoringPolicyAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String departmentCode;

    @Column(nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String policyName;

    public String reason;

    @Column(nullable = false)
    public OffsetDateTime assignedAt;

    @Column(nullable = false)
    public String assignedBy;

    public static Optional<ScoringPolicyAssignment> latest(String departmentCode, int fiscalYear) {
        return find("departmentCode = ?1 and fiscalYear = ?2 order by assignedAt desc", departmentCode, fiscalYear)
                .firstResultOptional();
    }
}
