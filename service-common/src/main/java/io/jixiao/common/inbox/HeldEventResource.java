package io.jixiao.common.inbox;

import static io.jixiao.common.security.Roles.ADMIN;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For operators: the events this service's consumers hold instead of applying ({@link HeldEvents}), and their
 * replay once the cause is mended (the subject registered by hand, a bug fixed and deployed).
 */
@Path("/api/admin/events/held")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class HeldEventResource {

    @Inject
    HeldEvents held;

    @Inject
    EventInbox inbox;

    @Inject
    Instance<EventHandler> handlers;

    @Operation(operationId = "listHeldEvents", summary = "Events this service holds: parked (subject not known yet) or dead-lettered")
    @GET
    @RolesAllowed(ADMIN)
    public List<HeldEvents.Held> list(@QueryParam("status") HeldEvents.Status status,
            @QueryParam("limit") @Min(1) @Max(1000) Integer limit) {
        return held.list(status, limit == null ? 500 : limit);
    }

    /** Applies the held event now; 409 with why, if it still cannot be. */
    @Operation(operationId = "replayHeldEvent", summary = "Apply a held event now")
    @POST
    @Path("/{id}/replay")
    @RolesAllowed(ADMIN)
    public Map<String, Object> replay(@PathParam("id") UUID id) {
        if (!handlers.isResolvable()) {
            throw ProblemException.notFound("held event " + id);
        }
        String stillHeld = inbox.replay(id, handlers.get()).orElse(null);
        if (stillHeld != null) {
            throw ProblemException.ruleBroken("still-held", "Still held",
                    "held event " + id + " was replayed and is held again: " + stillHeld, Map.of("id", id));
        }
        return Map.of("id", id, "replayed", true);
    }
}
