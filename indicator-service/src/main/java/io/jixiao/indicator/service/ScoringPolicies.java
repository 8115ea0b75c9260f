package io.jixiao.indicator.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;
import io.jixiao.indicator.ScoringPolicyAssignment;
import io.jixiao.indicator.mapping.PolicyAssignmentRequest;
import io.jixiao.indicator.mapping.PolicyAssignmentView;
import io.jixiao.indicator.ScoringPolicyDefinition;
import io.jixiao.indicator.config.ScoringConfig;
import io.jixiao.indicator.scoring.ScoringPolicy;

/** The named scoring policies, and which one a department-year is scored under. */
@ApplicationScoped
public class ScoringPolicies {

    @Inject
    ObjectMapper json;

    @Inject
    ScoringConfig config;

    @Inject
    Caller caller;

    @Inject
    io.jixiao.common.history.ChangeHistory history;

    public List<ScoringPolicy> all() {
        List<ScoringPolicyDefinition> definitions = ScoringPolicyDefinition.listAll();
        return definitions.stream().map(this::read).toList();
    }

    public ScoringPolicy named(String name) {
        ScoringPolicyDefinition definition = ScoringPolicyDefinition.findById(name);
        if (definition == null) {
            throw ProblemException.notFound("scoring policy '" + name + "'");
        }
        return read(definition);
    }

    /** The policy a finance reviewer assigned the department-year; the default until one does. */
    public ScoringPolicy forDepartmentYear(String departmentCode, int fiscalYear) {
        return named(ScoringPolicyAssignment.latest(departmentCode, fiscalYear).map(a -> a.policyName)
                .orElse(config.defaultPolicy()));
    }

    /** A finance reviewer assigns the department-year its policy (DESIGN §9); the department cannot. */
    @Transactional
    public PolicyAssignmentView assign(String departmentCode, int fiscalYear, PolicyAssignmentRequest request) {
        ScoringPolicy policy = named(request.policy().strip());
        PolicyAssignmentView before = ScoringPolicyAssignment.latest(departmentCode, fiscalYear)
                .map(PolicyAssignmentView::of).orElse(null);
        ScoringPolicyAssignment assignment = new ScoringPolicyAssignment();
        assignment.id = java.util.UUID.randomUUID();
        assignment.departmentCode = departmentCode;
        assignment.fiscalYear = fiscalYear;
        assignment.policyName = policy.name();
        assignment.reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        assignment.assignedAt = OffsetDateTime.now();
        assignment.assignedBy = caller.subject();
        assignment.persist();
        PolicyAssignmentView view = PolicyAssignmentView.of(assignment);
        history.record("department-year-policy", departmentCode + "/" + fiscalYear, "assigned", before, view);
        return view;
    }

    /** Every assignment of the department-year, the latest first. */
    public List<PolicyAssignmentView> assignments(String departmentCode, int fiscalYear) {
        caller.requireVisible(departmentCode, "department " + departmentCode);
        List<ScoringPolicyAssignment> all = ScoringPolicyAssignment.list(
                "departmentCode = ?1 and fiscalYear = ?2 order by assignedAt desc", departmentCode, fiscalYear);
        return all.stream().map(PolicyAssignmentView::of).toList();
    }

    @Transactional
    public ScoringPolicy create(ScoringPolicy policy) {
        List<String> problems = policy.problems();
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            throw new ProblemException(400, "invalid-request", "Invalid scoring policy", String.join("; ", problems),
                    Map.of("field", first.substring(0, first.indexOf(':')), "violations", problems));
        }
        if (ScoringPolicyDefinition.findById(policy.name()) != null) {
            throw ProblemException.ruleBroken("policy-exists", "Scoring policy exists",
                    "a scoring policy named '" + policy.name() + "' exists; policies are never changed, add a new one",
                    Map.of("name", policy.name()));
        }
        ScoringPolicyDefinition definition = new ScoringPolicyDefinition();
        definition.name = policy.name();
        try {
            definition.definition = json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        definition.createdAt = OffsetDateTime.now();
        definition.createdBy = caller.subject();
        definition.persist();
        history.record(HISTORY, policy.name(), "published", null, policy);
        return policy;
    }

    /** The template's history: it is published once and never changed (a new version is a new template). */
    public List<io.jixiao.common.history.ChangeHistory.Change> history(String name) {
        named(name);
        return history.of(HISTORY, name);
    }

    private static final String HISTORY = "scoring-policy";

    private ScoringPolicy read(ScoringPolicyDefinition definition) {
        try {
            return json.readValue(definition.definition, ScoringPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scoring policy '" + definition.name + "' is not readable", e);
        }
    }
}
