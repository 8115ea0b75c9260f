package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.jixiao.budget.Fixtures.spend;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A department user cannot hold up another department's money: a write aimed at a project they may not see is
 * answered "not found" without locking it first. While another transaction holds the project (a long arrival,
 * here a test's own lock), the stranger's disbursement and reversal are refused at once, not after waiting for it.
 */
@QuarkusTest
class IsolationUnderLockTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aWriteToAnotherDepartmentsProjectIsRefusedWithoutWaitingForItsLock() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        arrive(project, "1000.00").statusCode(201);
        String stranger = newDepartment();
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from project where id = ? for update")) {
                lock.setObject(1, UUID.fromString(project));
                lock.executeQuery();
            }
            // waiting for the lock, the disbursement's group would give up after its lock timeout and answer 503,
            // and the reversal would wait as long as the lock is held
            CompletableFuture<Integer> disbursement = CompletableFuture.supplyAsync(
                    () -> spend(stranger, project, "1.00").extract().statusCode());
            CompletableFuture<Integer> reversal = CompletableFuture.supplyAsync(() -> as(TestTokens.deptUser(stranger))
                    .body("{\"entryId\":\"" + UUID.randomUUID() + "\",\"reason\":\"x\",\"reversedOn\":\"2023-06-01\"}")
                    .post("/api/projects/" + project + "/reversals").then().extract().statusCode());
            try {
                assertEquals(404, disbursement.get(10, TimeUnit.SECONDS));
                assertEquals(404, reversal.get(10, TimeUnit.SECONDS));
            } finally {
                holder.rollback();
            }
        }
        spend(dept, project, "1.00").statusCode(201);
    }
}
