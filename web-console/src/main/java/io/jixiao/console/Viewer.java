package io.jixiao.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is signed in, as the pages need it: name, department and roles, read from the tokens Keycloak issued.
 * What a role may do is decided by the services; the console only leaves out links a role cannot use.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    public static final String DEPT_USER = "dept-user";
    public static final String DEPT_LEAD = "dept-lead";
    public static final String FINANCE_REVIEWER = "finance-reviewer";
    public static final String ADMIN = "admin";

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    /** The person's name as the realm holds it (姓 then 名), else the user name. */
    public String name() {
        String family = idToken.getClaim("family_name");
        String given = idToken.getClaim("given_name");
        if (family != null || given != null) {
            return (family == null ? "" : family) + (given == null ? "" : given);
        }
        String user = idToken.getClaim("preferred_username");
        return user == null ? identity.getPrincipal().getName() : user;
    }

    /** The department code of a department's staff; null for reviewers and admins. */
    public String department() {
        Object claim = idToken.getClaim("department");
        return claim == null ? null : claim.toString();
    }

    public boolean departmentStaff() {
        return identity.hasRole(DEPT_USER) || identity.hasRole(DEPT_LEAD);
    }

    public boolean lead() {
        return identity.hasRole(DEPT_LEAD);
    }

    public boolean reviewer() {
        return identity.hasRole(FINANCE_REVIEWER);
    }

    public boolean admin() {
        return identity.hasRole(ADMIN);
    }

    /** Reviewers and admins see every department: the city dashboard is their home. */
    public boolean citywide() {
        return reviewer() || admin();
    }
}
