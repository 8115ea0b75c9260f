package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.as;
import static io.restassured.RestAssured.given;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** An endpoint whose author forgot to say who may call it is closed to everyone, signed in or not. */
@QuarkusTest
class UnannotatedEndpointTest {

    /** A resource as a developer might add one, without @RolesAllowed or @PermitAll (documented, as every one is). */
    @Path("/api/forgotten")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ForgottenResource {
        @Operation(operationId = "forgotten", summary = "An endpoint that does not say who may call it")
        @GET
        public Map<String, String> secrets() {
            return Map.of("secrets", "everything");
        }
    }

    @Test
    void anEndpointWithoutARoleIsRefusedToEveryone() {
        given().get("/api/forgotten").then().statusCode(401);
        as(TestTokens.admin()).get("/api/forgotten").then().statusCode(403);
        as(TestTokens.portal()).get("/api/forgotten").then().statusCode(403);
    }
}
