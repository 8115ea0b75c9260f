package io.jixiao.report;

import java.util.UUID;

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

    public String departmentCode;

    public int fiscalYear;

    public UUID projectId;

    public String text;

    public int position;
}
