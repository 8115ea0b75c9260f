package io.jixiao.report;

import java.io.Serializable;

/** The key of everything per department and fiscal year. */
public record DepartmentYear(String departmentCode, int fiscalYear) implements Serializable {

    /** For JPA's id classes. */
    public DepartmentYear() {
        this(null, 0);
    }
}
