package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.jixiao.demo.FaultDrill;
import io.jixiao.demo.SeedDemo;

/**
 * DESIGN §12 "loss": the platform made to fail under a department's writes (broker killed, then stalled; each
 * service killed; the databases cut off), and afterwards the ledger holds exactly what was acknowledged, none
 * twice, and indicator-service and report-service agree with it.
 */
@Order(Integer.MAX_VALUE) // after the others: it kills their platform's parts (junit-platform.properties)
class FaultDrillTest {

    private static final String PASSWORD = System.getenv().getOrDefault("JIXIAO_TEST_USER_PASSWORD", "jixiao-test");
    private static final String PORTAL_SECRET = System.getenv().getOrDefault("JIXIAO_PORTAL_CLIENT_SECRET",
            "portal-test-secret");

    @Test
    void nothingAcknowledgedIsLostOrCountedTwiceWhenPartsFail() throws Exception {
        Platform platform = Platform.get();
        SeedDemo.Endpoints at = new SeedDemo.Endpoints(platform.budget.baseUrl(), platform.indicator.baseUrl(),
                platform.report.baseUrl(), platform.keycloak.tokenEndpoint());
        FaultDrill.Faults faults = new FaultDrill.Faults() {
            @Override
            public void killBroker() {
                platform.kafka.killAndRestart();
            }

            @Override
            public void stallBroker(Duration stall) {
                platform.kafka.pause();
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    platform.kafka.resume();
                }
            }

            @Override
            public void killService(String name) {
                switch (name) {
                    case "budget-service" -> platform.budget.killAndRestart();
                    case "indicator-service" -> platform.indicator.killAndRestart();
                    case "report-service" -> platform.report.killAndRestart();
                    default -> throw new IllegalArgumentException(name);
                }
            }

            @Override
            public void cutOffDatabases() {
                platform.databaseOutage(Duration.ofSeconds(5));
            }
        };

        FaultDrill.Result result = new FaultDrill(at, "HHCZJ", "hhczj-user", PASSWORD, PORTAL_SECRET, System.out)
                .run(faults, 4, 8, Duration.ofSeconds(5));

        assertTrue(result.acknowledged() > 0, "no disbursement was acknowledged: " + result);
        assertEquals(0, result.gaveUp(), "writes given up on: " + result);
        assertEquals(result.acknowledged(), result.ledgerEntries(), "disbursements in the ledger: " + result);
        assertEquals(0, result.acknowledgedYuan().compareTo(result.ledgerYuan()), "the ledger's sum: " + result);
        assertEquals(0, result.twice(), "entries twice or never acknowledged: " + result);
        assertEquals(0, result.missing(), "acknowledged entries missing: " + result);
        assertTrue(result.indicatorConverged(), "indicator-service's spending per project: " + result);
        assertTrue(result.reportConverged(), "report-service's spending per project: " + result);
        assertTrue(result.retries() > 0, "no write met a failure, so the drill proved nothing: " + result);
    }
}
