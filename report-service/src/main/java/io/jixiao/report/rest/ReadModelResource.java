package io.jixiao.report.rest;

import static io.jixiao.common.security.Roles.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.report.messaging.ReadModelRebuild;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For operators: rebuild the read model by replaying the topics from their beginning. */
@Path("/api/admin/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ReadModelResource {

    @Inject
    ReadModelRebuild rebuild;

    @Operation(operationId = "rebuildReadModel", summary = "Rebuild the report read model from the topics")
    @POST
    @Path("/rebuild")
    @RolesAllowed(ADMIN)
    public ReadModelRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
