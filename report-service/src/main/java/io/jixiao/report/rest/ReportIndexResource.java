package io.jixiao.report.rest;

import static io.jixiao.common.security.Roles.ADMIN;
import static io.jixiao.common.security.Roles.DEPT_LEAD;
import static io.jixiao.common.security.Roles.DEPT_USER;
import static io.jixiao.common.security.Roles.FINANCE_REVIEWER;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.time.FiscalYear;
import io.jixiao.report.ReportStatus;
import io.jixiao.report.mapping.NarrativeKeys;
import io.jixiao.report.mapping.ReportSummaryView;
import io.jixiao.report.service.ReportService;

/** Across reports: every department's report of a year by status (the reviewers' queue), and the sections a department writes. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportIndexResource {

    @Inject
    ReportService reports;

    @Operation(operationId = "listReports", summary = "Every department's report of a year, in the given statuses, longest waiting first")
    @GET
    @RolesAllowed({ FINANCE_REVIEWER, ADMIN })
    public List<ReportSummaryView> list(@QueryParam("year") @NotNull @FiscalYear Integer year,
            @QueryParam("status") List<String> statuses) {
        return reports.reports(year, statuses == null ? List.of() : statuses.stream().map(ReportIndexResource::status).toList());
    }

    /** A narrative section's key (as {@code PUT .../sections/{key}} takes it) and its heading in the report. */
    public record SectionHeading(String key, String heading) {
    }

    @Operation(operationId = "listNarrativeSections", summary = "The narrative sections a department writes, in the report's order, with their headings")
    @GET
    @Path("/sections")
    @RolesAllowed({ DEPT_USER, DEPT_LEAD, FINANCE_REVIEWER, ADMIN })
    public List<SectionHeading> sections() {
        return NarrativeKeys.HEADINGS.entrySet().stream().map(e -> new SectionHeading(e.getKey(), e.getValue())).toList();
    }

    private static ReportStatus status(String name) {
        try {
            return ReportStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "is not one of " + Arrays.toString(ReportStatus.values()));
        }
    }
}
