package io.jixiao.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Read model: a department-year's latest score (DepartmentYearScored), its details as JSON. */
@Entity
@Table(name = "rm_score")
@IdClass(DepartmentYear.class)
public class Score extends PanacheEntityBase implements Serializable {

    @Id
    public String departmentCode;

    @Id
    public int fiscalYear;

    public UUID scoreId;

    public String policy;

    public BigDecimal total;

    public String grade;

    public BigDecimal executionRate;

    /** The budget and spending the score was computed on (yuan), as indicator-service saw the ledger. */
    public BigDecimal budget;

    public BigDecimal spent;

    public String groups;

    public String indicators;

    public String requiredExplanations;
}
