package io.jixiao.console.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A service's problem becomes the messages the form shows, each beside the field it names. */
class ServiceRefusalsTest {

    @Test
    void theProblemsMessagePerField() {
        ServiceRefusal refusal = ServiceRefusals.refusal(400, """
                {"type":"urn:jixiao:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"amount: must be greater than 0","field":"recordDisbursement.request.amount",
                 "violations":[{"field":"recordDisbursement.request.amount","message":"must be greater than 0"}]}""");
        assertEquals(400, refusal.status());
        assertEquals(Map.of("amount", "must be greater than 0"), refusal.fieldMessages());
        assertEquals("amount: must be greater than 0", refusal.getMessage());
    }

    @Test
    void aBodyThatIsNoProblemStillReadsAsItsStatus() {
        ServiceRefusal refusal = ServiceRefusals.refusal(502, "<html>bad gateway");
        assertTrue(refusal.serviceFault());
        assertEquals("服务暂时不可用，请稍后再试", refusal.getMessage());
        assertTrue(ServiceRefusals.refusal(404, null).notFound());
    }
}
