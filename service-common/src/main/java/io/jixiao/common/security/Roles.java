package io.jixiao.common.security;

/** The realm roles of DESIGN §9. */
public final class Roles {

    public static final String DEPT_USER = "dept-user";
    public static final String DEPT_LEAD = "dept-lead";
    public static final String FINANCE_REVIEWER = "finance-reviewer";
    public static final String PORTAL_CLIENT = "portal-client";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
