package io.jixiao.common.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.events.Actor;

/**
 * Who is calling, and which departments they may see. Department isolation is decided here, in the
 * service layer: a department user reaches only the department named by the token's
 * {@code department} claim; reviewers, the portal and admins reach all.
 */
@RequestScoped
public class Caller {

    public static final String DEPARTMENT_CLAIM = "department";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The token's department claim, read once: reading a custom claim costs an exception inside SmallRye JWT. */
    private Optional<String> departmentClaim;

    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /** The department of a department user; empty for city-wide roles. */
    public Optional<String> department() {
        if (seesAllDepartments()) {
            return Optional.empty();
        }
        return departmentClaim();
    }

    private Optional<String> departmentClaim() {
        if (departmentClaim == null) {
            Object claim = token.getClaim(DEPARTMENT_CLAIM);
            departmentClaim = claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
        }
        return departmentClaim;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean seesAllDepartments() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.PORTAL_CLIENT)
                || identity.hasRole(Roles.FINANCE_REVIEWER);
    }

    public boolean canSee(String departmentCode) {
        return reach().canSee(departmentCode);
    }

    /** Which departments this caller reaches, kept for work finished after the request (a group commit). */
    public Reach reach() {
        return new Reach(seesAllDepartments(), department().orElse(null));
    }

    /**
     * Fails as "not found" when the caller may not see the department, so a department user cannot
     * learn that another department's resource exists.
     */
    public void requireVisible(String departmentCode, String what) {
        if (!canSee(departmentCode)) {
            throw ProblemException.notFound(what);
        }
    }

    /** The token's subject and department, recorded on every event as who caused it. */
    public Actor actor() {
        return new Actor(subject(), departmentClaim().orElse(null));
    }
}
