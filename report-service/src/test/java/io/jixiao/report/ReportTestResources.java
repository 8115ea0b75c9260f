package io.jixiao.report;

import io.jixiao.infra.ServiceTestResource;
import io.jixiao.infra.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** One application start for all tests of this module: own database, real broker, OIDC test server. */
@QuarkusTestResource(value = ServiceTestResource.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "database", value = "report_test"),
        @ResourceArg(name = "topics", value = "budget.events:3,budget.events.dlq:1,indicator.events:3,indicator.events.dlq:1,report.events:3") })
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
public final class ReportTestResources {

    public static TestInfrastructure infrastructure() {
        return ServiceTestResource.infrastructure();
    }

    private ReportTestResources() {
    }
}
