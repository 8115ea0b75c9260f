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
import io.jixiao.indicator.ScoreResult;
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

    /** Once a department-year has been scored, it stays under that policy; before that, the default. */
    public ScoringPolicy forDepartmentYear(String departmentCode, int fiscalYear) {
        return named(ScoreResult.latest(departmentCode, fiscalYear).map(r -> r.policyName)
                .orElse(config.defaultPolicy()));
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
        return policy;
    }

    private ScoringPolicy read(ScoringPolicyDefinition definition) {
        try {
            return json.readValue(definition.definition, ScoringPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scoring policy '" + definition.name + "' is not readable", e);
        }
    }
}
