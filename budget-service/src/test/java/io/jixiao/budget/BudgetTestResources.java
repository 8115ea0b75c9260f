package io.jixiao.budget;

import io.jixiao.infra.ServiceTestResource;
import io.jixiao.infra.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * What every test of this module runs against, started once for all of them (one application
 * start): a fresh PostgreSQL database, a real Kafka broker, and the in-process OIDC server that
 * signs real tokens.
 */
@QuarkusTestResource(value = ServiceTestResource.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "database", value = "budget_test"),
        @ResourceArg(name = "topics", value = "budget.events:3,report.events:3,report.events.dlq:1") })
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
public final class BudgetTestResources {

    public static TestInfrastructure infrastructure() {
        return ServiceTestResource.infrastructure();
    }

    private BudgetTestResources() {
    }
}
