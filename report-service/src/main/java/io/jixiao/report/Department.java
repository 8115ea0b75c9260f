package io.jixiao.report;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Read model: a department (from DepartmentRegistered). */
@Entity
@Table(name = "rm_department")
public class Department extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
}
