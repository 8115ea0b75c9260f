package io.jixiao.budget.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.jixiao.budget.ProjectCategory;
import io.jixiao.budget.mapping.ArrivalRequest;
import io.jixiao.budget.mapping.BalanceView;
import io.jixiao.budget.mapping.BudgetAdjustmentRequest;
import io.jixiao.budget.mapping.BudgetAdjustmentView;
import io.jixiao.budget.mapping.DisbursementRequest;
import io.jixiao.budget.mapping.FundingLineRequest;
import io.jixiao.budget.mapping.LedgerEntryView;
import io.jixiao.budget.mapping.LedgerView;
import io.jixiao.budget.mapping.ProjectRequest;
import io.jixiao.budget.mapping.ProjectView;
import io.jixiao.budget.mapping.ReversalRequest;
import io.jixiao.common.idempotency.IdempotentWrites;
import io.jixiao.common.idempotency.IdempotentWrites.Outcome;
import io.jixiao.budget.service.DisbursementGroupCommit;
import io.jixiao.budget.service.LedgerService;
import io.jixiao.budget.service.Pages;
import io.jixiao.budget.service.PendingDisbursement;
import io.jixiao.common.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.jixiao.budget.service.ProjectService;

/**
 * Projects and their money: registration and funding lines (the portal), budget adjustments and
 * arrivals (the portal), disbursements (the department), reversals, and the reads.
 */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects")
public class ProjectResource {

    @Inject
    ProjectService projects;

    @Inject
    LedgerService ledger;

    @Inject
    IdempotentWrites idempotent;

    @Inject
    DisbursementGroupCommit disbursements;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ PORTAL_CLIENT, ADMIN })
    public Response register(@NotNull @Valid ProjectRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return idempotent.run(idempotencyKey, "POST /api/projects", request, () -> {
            ProjectView created = projects.register(request);
            return Outcome.created(URI.create("/api/projects/" + created.id()), created);
        });
    }

    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public RestResponse<List<ProjectView>> list(@QueryParam("department") String department,
            @QueryParam("year") Integer year, @QueryParam("category") ProjectCategory category,
            @QueryParam("after") String after, @QueryParam("limit") @Min(1) @Max(Pages.MAX_SIZE) Integer limit,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        Pages.Page<ProjectView> page = projects.list(department, year, category, after,
                limit == null ? Pages.DEFAULT_SIZE : limit);
        RestResponse.ResponseBuilder<List<ProjectView>> ok = RestResponse.ResponseBuilder.ok(page.items());
        if (page.continueAfter() != null) {
            // the same filters, after the page's last project; relative, so it holds behind any proxy
            URI next = uri.getRequestUriBuilder().replaceQueryParam("after", page.continueAfter()).build();
            ok.header(HttpHeaders.LINK, "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return ok.build();
    }

    @GET
    @Path("/{projectId}")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public ProjectView get(@PathParam("projectId") UUID projectId) {
        return projects.get(projectId);
    }

    @POST
    @Path("/{projectId}/funding-lines")
    @RolesAllowed({ PORTAL_CLIENT, ADMIN })
    public Response addFundingLine(@PathParam("projectId") UUID projectId, @NotNull @Valid FundingLineRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        String path = "/api/projects/" + projectId;
        return idempotent.run(idempotencyKey, "POST " + path + "/funding-lines", request,
                () -> Outcome.created(URI.create(path), projects.addFundingLine(projectId, request)));
    }

    @POST
    @Path("/{projectId}/budget-adjustments")
    @RolesAllowed({ PORTAL_CLIENT, ADMIN })
    public Response adjustBudget(@PathParam("projectId") UUID projectId, @NotNull @Valid BudgetAdjustmentRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        String path = "/api/projects/" + projectId + "/budget-adjustments";
        return idempotent.run(idempotencyKey, "POST " + path, request, () -> {
            BudgetAdjustmentView adjustment = ledger.adjustBudget(projectId, request);
            return Outcome.created(URI.create(path), adjustment);
        });
    }

    @GET
    @Path("/{projectId}/budget-adjustments")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<BudgetAdjustmentView> adjustments(@PathParam("projectId") UUID projectId) {
        return ledger.adjustments(projectId);
    }

    @POST
    @Path("/{projectId}/arrivals")
    @RolesAllowed({ PORTAL_CLIENT, ADMIN })
    public Response recordArrival(@PathParam("projectId") UUID projectId, @NotNull @Valid ArrivalRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return ledgerWrite(projectId, "arrivals", idempotencyKey, request, () -> ledger.recordArrival(projectId, request));
    }

    @POST
    @Path("/{projectId}/disbursements")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, ADMIN })
    public Uni<Response> recordDisbursement(@PathParam("projectId") UUID projectId,
            @NotNull @Valid DisbursementRequest request, @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        String fingerprint = null;
        if (idempotencyKey != null) {
            IdempotentWrites.requireValidKey(idempotencyKey);
            fingerprint = idempotent.fingerprint("POST /api/projects/" + projectId + "/disbursements", request);
        }
        PendingDisbursement disbursement = PendingDisbursement.of(projectId, request, caller.actor(), caller.reach(),
                idempotencyKey, fingerprint);
        disbursements.submit(disbursement);
        // not blocking a worker thread while the group commits: the answer goes out on the request's event loop
        Context requestContext = Vertx.currentContext();
        Uni<Supplier<Response>> response = Uni.createFrom().completionStage(disbursement.response());
        if (requestContext != null) {
            response = response.emitOn(task -> requestContext.runOnContext(ignored -> task.run()));
        }
        return response.map(Supplier::get);
    }

    /** Arrivals are reversed by the portal, disbursements by the department (checked per entry). */
    @POST
    @Path("/{projectId}/reversals")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, PORTAL_CLIENT, ADMIN })
    public Response reverse(@PathParam("projectId") UUID projectId, @NotNull @Valid ReversalRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey) {
        return ledgerWrite(projectId, "reversals", idempotencyKey, request, () -> ledger.reverse(projectId, request));
    }

    @GET
    @Path("/{projectId}/ledger")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public LedgerView ledger(@PathParam("projectId") UUID projectId, @QueryParam("after") String after,
            @QueryParam("limit") @Min(1) @Max(Pages.MAX_SIZE) Integer limit) {
        return ledger.ledger(projectId, after, limit == null ? Pages.DEFAULT_SIZE : limit);
    }

    @GET
    @Path("/{projectId}/balance")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public BalanceView balance(@PathParam("projectId") UUID projectId) {
        return ledger.balance(projectId);
    }

    private Response ledgerWrite(UUID projectId, String collection, String idempotencyKey, Object request,
            java.util.function.Supplier<LedgerEntryView> write) {
        String path = "/api/projects/" + projectId + "/" + collection;
        return idempotent.run(idempotencyKey, "POST " + path, request, () -> {
            LedgerEntryView entry = write.get();
            return Outcome.created(URI.create("/api/projects/" + projectId + "/ledger#" + entry.id()), entry);
        });
    }
}
