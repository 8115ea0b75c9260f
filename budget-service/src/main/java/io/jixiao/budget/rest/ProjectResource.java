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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import io.jixiao.common.idempotency.Idempotent;
import io.jixiao.common.idempotency.KeyedRequest;
import io.jixiao.common.time.FiscalYear;
import io.jixiao.budget.config.DisbursementConfig;
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
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "projects")
public class ProjectResource {

    @Inject
    ProjectService projects;

    @Inject
    LedgerService ledger;

    @Inject
    KeyedRequest keyed;

    @Inject
    DisbursementGroupCommit disbursements;

    @Inject
    DisbursementConfig disbursementConfig;

    @Inject
    Caller caller;

    @POST
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response register(@NotNull @Valid ProjectRequest request) {
        ProjectView created = projects.register(request);
        return Response.created(URI.create("/api/projects/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public RestResponse<List<ProjectView>> list(@QueryParam("department") String department,
            @QueryParam("year") @FiscalYear Integer year, @QueryParam("category") ProjectCategory category,
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
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response addFundingLine(@PathParam("projectId") UUID projectId, @NotNull @Valid FundingLineRequest request) {
        return Response.created(URI.create("/api/projects/" + projectId))
                .entity(projects.addFundingLine(projectId, request)).build();
    }

    @POST
    @Path("/{projectId}/budget-adjustments")
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response adjustBudget(@PathParam("projectId") UUID projectId, @NotNull @Valid BudgetAdjustmentRequest request) {
        BudgetAdjustmentView adjustment = ledger.adjustBudget(projectId, request);
        return Response.created(URI.create("/api/projects/" + projectId + "/budget-adjustments")).entity(adjustment)
                .build();
    }

    @GET
    @Path("/{projectId}/budget-adjustments")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<BudgetAdjustmentView> adjustments(@PathParam("projectId") UUID projectId) {
        return ledger.adjustments(projectId);
    }

    @POST
    @Path("/{projectId}/arrivals")
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response recordArrival(@PathParam("projectId") UUID projectId, @NotNull @Valid ArrivalRequest request) {
        return entryCreated(projectId, ledger.recordArrival(projectId, request));
    }

    /** Committed with the disbursements that arrive with it (DisbursementGroupCommit), which store its key's answer. */
    @POST
    @Path("/{projectId}/disbursements")
    @Idempotent
    @RolesAllowed({ DEPT_USER, DEPT_LEAD })
    public Uni<Response> recordDisbursement(@PathParam("projectId") UUID projectId,
            @NotNull @Valid DisbursementRequest request) {
        PendingDisbursement disbursement = PendingDisbursement.of(projectId, request, caller.actor(), caller.reach(),
                keyed.key(), keyed.fingerprint());
        disbursements.submit(disbursement);
        // not blocking a worker thread while the group commits: the answer goes out on the request's event loop
        Context requestContext = Vertx.currentContext();
        Uni<Supplier<Response>> response = Uni.createFrom().completionStage(disbursement.response())
                .ifNoItem().after(disbursementConfig.answerWithin()).failWith(disbursements::notAnsweredInTime);
        if (requestContext != null) {
            response = response.emitOn(task -> requestContext.runOnContext(ignored -> task.run()));
        }
        return response.map(Supplier::get);
    }

    /** Arrivals are reversed by the portal, disbursements by the department (checked per entry). */
    @POST
    @Path("/{projectId}/reversals")
    @Idempotent
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, PORTAL_CLIENT })
    public Response reverse(@PathParam("projectId") UUID projectId, @NotNull @Valid ReversalRequest request) {
        return entryCreated(projectId, ledger.reverse(projectId, request));
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

    private static Response entryCreated(UUID projectId, LedgerEntryView entry) {
        return Response.created(URI.create("/api/projects/" + projectId + "/ledger#" + entry.id())).entity(entry).build();
    }
}
