package io.jixiao.report.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;
import static io.jixiao.common.security.Roles.PORTAL_CLIENT;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.report.mapping.SelfEvaluationReport;
import io.jixiao.report.mapping.TransitionView;
import io.jixiao.report.mapping.VersionView;
import io.jixiao.report.service.ReportFiles;
import io.jixiao.report.service.ReportService;
import io.jixiao.common.time.FiscalYear;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A department-year's self-evaluation report: the live draft in every format, the narrative
 * sections, the workflow, and the frozen versions.
 */
@Path("/api/reports/{code}/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {

    /** The answer of each file download, declared once in META-INF/openapi.yaml's components. */
    private static final String REPORT_FILE = "ReportFile";

    @Inject
    ReportService reports;

    /** Body of a narrative section or a workflow comment. */
    public record Text(@NotNull @Size(max = 20000) String text) {
    }

    public record Comment(@Size(max = 4000) String comment) {
    }

    @Operation(operationId = "getReport", summary = "The self-evaluation report (自评报告) as it stands")
    @GET
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public SelfEvaluationReport draft(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return reports.draft(code, year);
    }

    /** report.json, report.html, report.docx or report.xlsx of the live draft. */
    @Operation(operationId = "getReportFile", summary = "The report as it stands, as a file (report.html, .docx, .xlsx, .json)")
    @APIResponse(responseCode = "200", ref = REPORT_FILE)
    @GET
    @Path("/{file: report\\.[a-z]+}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public Response draftFile(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @PathParam("file") String file) {
        return download(reports.draftFile(code, year, ReportFiles.of(file)));
    }

    @Operation(operationId = "writeSection", summary = "Write a narrative section of the report")
    @PUT
    @Path("/sections/{key}")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD })
    public Map<String, String> writeSection(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @PathParam("key") String key, @NotNull @Valid Text request) {
        return reports.writeSection(code, year, key, request.text());
    }

    @Operation(operationId = "getSectionHistory", summary = "Who changed a narrative section, when, before and after")
    @GET
    @Path("/sections/{key}/history")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public List<io.jixiao.common.history.ChangeHistory.Change> sectionHistory(@PathParam("code") String code,
            @PathParam("year") @FiscalYear int year, @PathParam("key") String key) {
        return reports.sectionHistory(code, year, key);
    }

    @Operation(operationId = "getReportStatus", summary = "The report's status and what blocks its submission")
    @GET
    @Path("/status")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public Map<String, Object> status(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return reports.status(code, year);
    }

    @Operation(operationId = "submitReport", summary = "Submit the report for review (freezes a version)")
    @POST
    @Path("/submit")
    @RolesAllowed(DEPT_LEAD)
    public VersionView submit(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return reports.submit(code, year);
    }

    @Operation(operationId = "returnReport", summary = "Return a submitted report for changes, with the reviewer's comment")
    @POST
    @Path("/return")
    @RolesAllowed(FINANCE_REVIEWER)
    public TransitionView returnForChanges(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @NotNull @Valid Comment request) {
        return reports.returnForChanges(code, year, request.comment());
    }

    @Operation(operationId = "acceptReport", summary = "Accept a submitted report (closes the department-year to money writes)")
    @POST
    @Path("/accept")
    @RolesAllowed(FINANCE_REVIEWER)
    public TransitionView accept(@PathParam("code") String code, @PathParam("year") @FiscalYear int year, @Valid Comment request) {
        return reports.accept(code, year, request == null ? null : request.comment());
    }

    @Operation(operationId = "publishReport", summary = "Publish an accepted report")
    @POST
    @Path("/publish")
    @RolesAllowed(FINANCE_REVIEWER)
    public TransitionView publish(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return reports.publish(code, year);
    }

    public record Reopening(@Size(max = 4000) String reason) {
    }

    /** A finance reviewer reopens an accepted year, with a reason: money may move again, the report goes back. */
    @Operation(operationId = "reopenDepartmentYear", summary = "Reopen an accepted department-year, with a reason")
    @POST
    @Path("/reopen")
    @RolesAllowed(FINANCE_REVIEWER)
    public TransitionView reopen(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @NotNull @Valid Reopening request) {
        return reports.reopen(code, year, request.reason());
    }

    @Operation(operationId = "getReportHistory", summary = "The report's transitions: who, when, from and to which status")
    @GET
    @Path("/history")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public List<TransitionView> history(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return reports.history(code, year);
    }

    @Operation(operationId = "listReportVersions", summary = "The report's frozen versions")
    @GET
    @Path("/versions")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public List<VersionView> versions(@PathParam("code") String code, @PathParam("year") @FiscalYear int year) {
        return reports.versions(code, year);
    }

    @Operation(operationId = "getReportVersionFile", summary = "A frozen version of the report, as a file")
    @APIResponse(responseCode = "200", ref = REPORT_FILE)
    @GET
    @Path("/versions/{number}/{file: report\\.[a-z]+}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, PORTAL_CLIENT, ADMIN })
    public Response versionFile(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @PathParam("number") int number, @PathParam("file") String file) {
        return download(reports.versionFile(code, year, number, ReportFiles.of(file)));
    }

    /** The published report, as the finance portal pulls it. */
    @Operation(operationId = "getPublishedReportFile", summary = "The published report, as a file")
    @APIResponse(responseCode = "200", ref = REPORT_FILE)
    @GET
    @Path("/published/{file: report\\.[a-z]+}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ PORTAL_CLIENT, FINANCE_REVIEWER, ADMIN })
    public Response published(@PathParam("code") String code, @PathParam("year") @FiscalYear int year,
            @PathParam("file") String file) {
        return download(reports.publishedFile(code, year, ReportFiles.of(file)));
    }

    private static Response download(ReportService.File file) {
        Response.ResponseBuilder response = Response.ok(file.content()).type(file.format().mediaType);
        if (file.format() == ReportFiles.DOCX || file.format() == ReportFiles.XLSX) {
            response.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        }
        return response.build();
    }
}
