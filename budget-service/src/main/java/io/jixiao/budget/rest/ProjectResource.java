package io.jixiao.budget.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import io.jixiao.common.idempotency.IdempotentWrites;
import io.jixiao.common.idempotency.KeyedRequest;
import io.jixiao.common.time.FiscalYear;
import io.jixiao.budget.config.DisbursementConfig;
import io.jixiao.budget.service.DisbursementGroupCommit;
import io.jixiao.budget.service.LedgerService;
import io.jixiao.budget.service.KeysetPages;
import io.jixiao.budget.service.DisbursementOutcome;
import io.jixiao.budget.service.PendingDisbursement;
import io.jixiao.common.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.jixiao.budget.service.ProjectService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.jixiao.common.openapi.ApiContract;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

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

    @Operation(operationId = "registerProject", summary = "Register a project with its funding lines")
    @APIResponse(responseCode = "201", description = "The project, registered", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response register(@NotNull @Valid ProjectRequest request) {
        ProjectView created = projects.register(request);
        return Response.created(URI.create("/api/projects/" + created.id())).entity(created).build();
    }

    @Operation(operationId = "listProjects", summary = "List projects, a page at a time")
    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public RestResponse<List<ProjectView>> list(@QueryParam("department") String department,
            @QueryParam("year") @FiscalYear Integer year, @QueryParam("category") ProjectCategory category,
            @QueryParam("after") String after, @QueryParam("limit") @Min(1) @Max(KeysetPages.MAX_SIZE) Integer limit,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        KeysetPages.Page<ProjectView> page = projects.list(department, year, category, after,
                limit == null ? KeysetPages.DEFAULT_SIZE : limit);
        RestResponse.ResponseBuilder<List<ProjectView>> ok = RestResponse.ResponseBuilder.ok(page.items());
        if (page.continueAfter() != null) {
            // the same filters, after the page's last project; relative, so it holds behind any proxy
            URI next = uri.getRequestUriBuilder().replaceQueryParam("after", page.continueAfter()).build();
            ok.header(HttpHeaders.LINK, "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return ok.build();
    }

    @Operation(operationId = "getProject", summary = "Get a project and its funding lines")
    @GET
    @Path("/{projectId}")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public ProjectView get(@PathParam("projectId") UUID projectId) {
        return projects.get(projectId);
    }

    @Operation(operationId = "addFundingLine", summary = "Add a funding line to a project")
    @APIResponse(responseCode = "201", description = "The project with the new line", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Path("/{projectId}/funding-lines")
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response addFundingLine(@PathParam("projectId") UUID projectId, @NotNull @Valid FundingLineRequest request) {
        return Response.created(URI.create("/api/projects/" + projectId))
                .entity(projects.addFundingLine(projectId, request)).build();
    }

    @Operation(operationId = "adjustBudget", summary = "Raise or lower a funding line's budget (调整)")
    @APIResponse(responseCode = "201", description = "The adjustment, recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BudgetAdjustmentView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Path("/{projectId}/budget-adjustments")
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response adjustBudget(@PathParam("projectId") UUID projectId, @NotNull @Valid BudgetAdjustmentRequest request) {
        BudgetAdjustmentView adjustment = ledger.adjustBudget(projectId, request);
        return Response.created(URI.create("/api/projects/" + projectId + "/budget-adjustments")).entity(adjustment)
                .build();
    }

    @Operation(operationId = "listBudgetAdjustments", summary = "List a project's budget adjustments")
    @GET
    @Path("/{projectId}/budget-adjustments")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<BudgetAdjustmentView> adjustments(@PathParam("projectId") UUID projectId) {
        return ledger.adjustments(projectId);
    }

    @Operation(operationId = "recordArrival", summary = "Record funds arrived (到位) on a funding line")
    @APIResponse(responseCode = "201", description = "The ledger entry", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerEntryView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Path("/{projectId}/arrivals")
    @Idempotent
    @RolesAllowed(PORTAL_CLIENT)
    public Response recordArrival(@PathParam("projectId") UUID projectId, @NotNull @Valid ArrivalRequest request) {
        return entryCreated(ledger.recordArrival(projectId, request));
    }

    /** Committed with the disbursements that arrive with it (DisbursementGroupCommit), which store its key's answer. */
    @Operation(operationId = "recordDisbursement", summary = "Record a disbursement (支出) from a funding line")
    @APIResponse(responseCode = "201", description = "The ledger entry", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerEntryView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
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
        Uni<DisbursementOutcome> outcome = Uni.createFrom().completionStage(disbursement.response())
                .ifNoItem().after(disbursementConfig.answerWithin()).failWith(disbursements::notAnsweredInTime);
        if (requestContext != null) {
            outcome = outcome.emitOn(task -> requestContext.runOnContext(ignored -> task.run()));
        }
        return outcome.map(ProjectResource::answer);
    }

    private static Response answer(DisbursementOutcome outcome) {
        if (outcome instanceof DisbursementOutcome.Replayed replayed) {
            return IdempotentWrites.replayed(replayed.status(), replayed.body(), replayed.location());
        }
        return entryCreated(((DisbursementOutcome.Recorded) outcome).entry());
    }

    /** Arrivals are reversed by the portal, disbursements by the department (checked per entry). */
    @Operation(operationId = "reverseEntry", summary = "Reverse an arrival or a disbursement (冲销)")
    @APIResponse(responseCode = "201", description = "The reversing ledger entry", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LedgerEntryView.class)))
    @Parameter(ref = ApiContract.IDEMPOTENCY_KEY)
    @POST
    @Path("/{projectId}/reversals")
    @Idempotent
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, PORTAL_CLIENT })
    public Response reverse(@PathParam("projectId") UUID projectId, @NotNull @Valid ReversalRequest request) {
        return entryCreated(ledger.reverse(projectId, request));
    }

    @Operation(operationId = "listLedgerEntries", summary = "A project's ledger entries in commit order, a page at a time")
    @GET
    @Path("/{projectId}/ledger")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public LedgerView ledger(@PathParam("projectId") UUID projectId, @QueryParam("after") String after,
            @QueryParam("limit") @Min(1) @Max(KeysetPages.MAX_SIZE) Integer limit) {
        return ledger.ledger(projectId, after, limit == null ? KeysetPages.DEFAULT_SIZE : limit);
    }

    @Operation(operationId = "getBalance", summary = "A project's and its funding lines' budget, arrived, spent and available")
    @GET
    @Path("/{projectId}/balance")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public BalanceView balance(@PathParam("projectId") UUID projectId) {
        return ledger.balance(projectId);
    }

    private static Response entryCreated(LedgerEntryView entry) {
        return Response.created(LedgerEntryView.location(entry)).entity(entry).build();
    }
}
