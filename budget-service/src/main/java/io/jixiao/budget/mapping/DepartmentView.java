package io.jixiao.budget.mapping;

import io.jixiao.budget.Department;

public record DepartmentView(String code, String name) {

    public static DepartmentView of(Department department) {
        return new DepartmentView(department.code, department.name);
    }
}
