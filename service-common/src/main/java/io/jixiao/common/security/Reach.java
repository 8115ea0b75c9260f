package io.jixiao.common.security;

/**
 * The departments a caller may see, taken from their token: all of them (reviewers, the portal,
 * admins), or only their own ({@code department} is null when the token names none).
 */
public record Reach(boolean allDepartments, String department) {

    public boolean canSee(String departmentCode) {
        return allDepartments || (department != null && department.equals(departmentCode));
    }
}
