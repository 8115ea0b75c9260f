package io.jixiao.budget.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.jixiao.common.security.Roles;

/** Test only: an endpoint with a bug, to see what a client gets when one is hit. Not in the OpenAPI document. */
@Path("/test-only/failing")
public class FailingResource {

    /** What a bug's exception might carry, and a client must never see. */
    static final String INTERNALS = "row 42 of ledger_entry has amount null";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public java.util.Map<String, String> fail() {
        throw new IllegalStateException(INTERNALS);
    }
}
