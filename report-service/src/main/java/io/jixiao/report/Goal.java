package io.jixiao.report;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Read model: a performance goal. */
@Entity
@Table(name = "rm_goal")
public class Goal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    @Column(name = "project_id")
    public UUID projectId;

    public String text;

    public int position;
}
