package io.jixiao.report.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.common.history.ChangeHistory;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.report.Department;
import io.jixiao.report.DepartmentYear;
import io.jixiao.report.NarrativeSection;
import io.jixiao.report.Report;
import io.jixiao.report.ReportStatus;
import io.jixiao.report.ReportTransition;
import io.jixiao.report.ReportVersion;
import io.jixiao.report.document.DocxRenderer;
import io.jixiao.report.document.HtmlRenderer;
import io.jixiao.report.document.ReportOutline;
import io.jixiao.report.document.XlsxRenderer;
import io.jixiao.report.mapping.NarrativeKeys;
import io.jixiao.report.mapping.ReportSummaryView;
import io.jixiao.report.mapping.SelfEvaluationReport;
import io.jixiao.report.mapping.TransitionView;
import io.jixiao.report.mapping.VersionView;
import io.jixiao.report.messaging.ReportEvents;
import io.jixiao.report.reconciliation.Finding;

/**
 * The report of a department-year: its live draft, the department's narrative, and the workflow
 * draft → submitted → returned | accepted → published, where every submission freezes a numbered
 * version with its files.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportAssembler assembler;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    ReportEvents events;

    @Inject
    ChangeHistory history;

    /** What a file request answers with. */
    public record File(byte[] content, ReportFiles format, String fileName) {
    }

    public SelfEvaluationReport draft(String departmentCode, int fiscalYear) {
        requireDepartmentOrReviewer(departmentCode);
        return assembler.assemble(departmentCode, fiscalYear);
    }

    public File draftFile(String departmentCode, int fiscalYear, ReportFiles format) {
        SelfEvaluationReport report = draft(departmentCode, fiscalYear);
        return new File(render(report, format), format, format.fileName(departmentCode, fiscalYear, null));
    }

    @Transactional
    public Map<String, String> writeSection(String departmentCode, int fiscalYear, String key, String text) {
        requireOwnDepartment(departmentCode);
        if (!NarrativeKeys.HEADINGS.containsKey(key)) {
            throw ProblemException.invalidField("sectionKey", "'" + key + "' is not a section; the sections are "
                    + String.join(", ", NarrativeKeys.HEADINGS.keySet()));
        }
        Report report = lock(departmentCode, fiscalYear);
        if (report.status != ReportStatus.DRAFT && report.status != ReportStatus.RETURNED) {
            throw ProblemException.ruleBroken("report-not-editable", "Report not editable",
                    "the report is " + report.status + ": it can be edited only as a draft or after being returned",
                    Map.of("reportStatus", report.status.name()));
        }
        NarrativeSection section = NarrativeSection.findById(new NarrativeSection.Key(departmentCode, fiscalYear, key));
        String before = section == null ? null : section.text;
        if (section == null) {
            section = new NarrativeSection();
            section.departmentCode = departmentCode;
            section.fiscalYear = fiscalYear;
            section.sectionKey = key;
        }
        section.text = text;
        section.updatedAt = OffsetDateTime.now();
        section.updatedBy = caller.subject();
        section.persist();
        history.record(SECTION_HISTORY, departmentCode + "/" + fiscalYear + "/" + key, before == null ? "written" : "rewritten",
                before == null ? null : Map.of("text", before), Map.of("text", text));
        return Map.of("sectionKey", key, "heading", NarrativeKeys.HEADINGS.get(key), "text", text);
    }

    /** Who wrote a narrative section, when, and what it said before. */
    public List<ChangeHistory.Change> sectionHistory(String departmentCode, int fiscalYear, String key) {
        requireDepartmentOrReviewer(departmentCode);
        return history.of(SECTION_HISTORY, departmentCode + "/" + fiscalYear + "/" + key);
    }

    private static final String SECTION_HISTORY = "narrative-section";

    /** The department lead submits: refused while a blocking finding stands; freezes version n+1. */
    @Transactional
    public VersionView submit(String departmentCode, int fiscalYear) {
        requireOwnDepartment(departmentCode);
        Report report = lock(departmentCode, fiscalYear);
        requireStatus(report, "submit", ReportStatus.DRAFT, ReportStatus.RETURNED);
        SelfEvaluationReport content = assembler.assemble(departmentCode, fiscalYear);
        List<Finding> blocking = content.findings().stream().filter(Finding::blocking).toList();
        if (!blocking.isEmpty()) {
            throw ProblemException.ruleBroken("blocking-findings", "The report cannot be submitted yet",
                    blocking.size() + " blocking finding(s): " + String.join("; ",
                            blocking.stream().map(Finding::message).toList()),
                    Map.of("findings", blocking));
        }
        ReportVersion version = new ReportVersion();
        version.departmentCode = departmentCode;
        version.fiscalYear = fiscalYear;
        version.number = report.latestVersion + 1;
        version.submittedAt = OffsetDateTime.now();
        version.submittedBy = caller.subject();
        var outline = ReportOutline.of(content);
        version.reportJson = toJson(content);
        version.reportHtml = HtmlRenderer.render(outline);
        version.reportDocx = DocxRenderer.render(outline);
        version.reportXlsx = XlsxRenderer.render(content);
        version.persist();
        report.latestVersion = version.number;
        move(report, ReportStatus.SUBMITTED, version.number, null);
        return VersionView.of(version, report.status);
    }

    @Transactional
    public TransitionView returnForChanges(String departmentCode, int fiscalYear, String comment) {
        if (comment == null || comment.isBlank()) {
            throw ProblemException.invalidField("comment", "say what must change");
        }
        Report report = lock(departmentCode, fiscalYear);
        requireStatus(report, "return", ReportStatus.SUBMITTED);
        return move(report, ReportStatus.RETURNED, report.latestVersion, comment.strip());
    }

    /** A finance reviewer accepts; never the person who submitted the version (DESIGN §9). */
    @Transactional
    public TransitionView accept(String departmentCode, int fiscalYear, String comment) {
        Report report = lock(departmentCode, fiscalYear);
        requireStatus(report, "accept", ReportStatus.SUBMITTED);
        ReportVersion submitted = ReportVersion.findById(new ReportVersion.Key(departmentCode, fiscalYear,
                report.latestVersion));
        if (submitted != null && submitted.submittedBy.equals(caller.subject())) {
            throw new ProblemException(403, "separation-of-duties", "Separation of duties",
                    "you submitted version " + report.latestVersion + " of this report: someone else must accept it",
                    Map.of("submittedBy", submitted.submittedBy));
        }
        TransitionView accepted = move(report, ReportStatus.ACCEPTED, report.latestVersion, comment);
        // the year's money is closed to writes from now on (budget-service), until a reviewer reopens it
        events.departmentYearClosed(departmentCode, fiscalYear, report.latestVersion, caller.actor());
        return accepted;
    }

    /**
     * A finance reviewer reopens an accepted (or published) department-year, saying why: its money may move again
     * and the department may change and resubmit its report, which goes back to RETURNED with the reason.
     */
    @Transactional
    public TransitionView reopen(String departmentCode, int fiscalYear, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why the year is reopened");
        }
        Report report = lock(departmentCode, fiscalYear);
        requireStatus(report, "reopen", ReportStatus.ACCEPTED, ReportStatus.PUBLISHED);
        TransitionView reopened = move(report, ReportStatus.RETURNED, report.latestVersion, reason.strip());
        events.departmentYearReopened(departmentCode, fiscalYear, reason.strip(), caller.actor());
        return reopened;
    }

    @Transactional
    public TransitionView publish(String departmentCode, int fiscalYear) {
        Report report = lock(departmentCode, fiscalYear);
        requireStatus(report, "publish", ReportStatus.ACCEPTED);
        return move(report, ReportStatus.PUBLISHED, report.latestVersion, null);
    }

    public Map<String, Object> status(String departmentCode, int fiscalYear) {
        requireDepartmentOrReviewer(departmentCode);
        Report report = Report.findById(new DepartmentYear(departmentCode, fiscalYear));
        return Map.of("departmentCode", departmentCode, "fiscalYear", fiscalYear,
                "status", report == null ? ReportStatus.DRAFT : report.status,
                "latestVersion", report == null ? 0 : report.latestVersion);
    }

    /**
     * The reports of a fiscal year in the given statuses (every status when none is given), the ones waiting
     * longest first: the finance reviewers' queue.
     */
    public List<ReportSummaryView> reports(int fiscalYear, List<ReportStatus> statuses) {
        Map<String, String> names = Department.<Department>listAll().stream()
                .collect(Collectors.toMap(d -> d.code, d -> d.name));
        List<Report> found = statuses.isEmpty()
                ? Report.list("fiscalYear = ?1 order by updatedAt, departmentCode", fiscalYear)
                : Report.list("fiscalYear = ?1 and status in ?2 order by updatedAt, departmentCode", fiscalYear, statuses);
        return found.stream().map(r -> new ReportSummaryView(r.departmentCode, names.get(r.departmentCode), r.fiscalYear,
                r.status, r.latestVersion, r.updatedAt)).toList();
    }

    public List<TransitionView> history(String departmentCode, int fiscalYear) {
        requireDepartmentOrReviewer(departmentCode);
        List<ReportTransition> transitions = ReportTransition.list(
                "departmentCode = ?1 and fiscalYear = ?2 order by at", departmentCode, fiscalYear);
        return transitions.stream().map(TransitionView::of).toList();
    }

    public List<VersionView> versions(String departmentCode, int fiscalYear) {
        Report report = visibleReport(departmentCode, fiscalYear);
        List<ReportVersion> versions = ReportVersion.list("departmentCode = ?1 and fiscalYear = ?2 order by number",
                departmentCode, fiscalYear);
        return versions.stream().filter(v -> mayReadVersion(report, v.number))
                .map(v -> VersionView.of(v, v.number == report.latestVersion ? report.status : null)).toList();
    }

    public File versionFile(String departmentCode, int fiscalYear, int number, ReportFiles format) {
        Report report = visibleReport(departmentCode, fiscalYear);
        ReportVersion v = ReportVersion.findById(new ReportVersion.Key(departmentCode, fiscalYear, number));
        if (v == null || !mayReadVersion(report, number)) {
            throw ProblemException.notFound("version " + number + " of the " + departmentCode + " " + fiscalYear + " report");
        }
        byte[] content = switch (format) {
            case JSON -> ReportFiles.utf8(v.reportJson);
            case HTML -> ReportFiles.utf8(v.reportHtml);
            case DOCX -> v.reportDocx;
            case XLSX -> v.reportXlsx;
        };
        return new File(content, format, format.fileName(departmentCode, fiscalYear, number));
    }

    /** The published version, for the finance portal. */
    public File publishedFile(String departmentCode, int fiscalYear, ReportFiles format) {
        Report report = Report.findById(new DepartmentYear(departmentCode, fiscalYear));
        if (report == null || report.status != ReportStatus.PUBLISHED) {
            throw ProblemException.notFound("a published " + departmentCode + " " + fiscalYear + " report");
        }
        return versionFile(departmentCode, fiscalYear, report.latestVersion, format);
    }

    private byte[] render(SelfEvaluationReport report, ReportFiles format) {
        return switch (format) {
            case JSON -> ReportFiles.utf8(toJson(report));
            case HTML -> ReportFiles.utf8(HtmlRenderer.render(ReportOutline.of(report)));
            case DOCX -> DocxRenderer.render(ReportOutline.of(report));
            case XLSX -> XlsxRenderer.render(report);
        };
    }

    private TransitionView move(Report report, ReportStatus to, Integer version, String comment) {
        ReportTransition t = new ReportTransition();
        t.id = UUID.randomUUID();
        t.departmentCode = report.departmentCode;
        t.fiscalYear = report.fiscalYear;
        t.fromStatus = report.status;
        t.toStatus = to;
        t.version = version;
        t.comment = comment;
        var actor = caller.actor();
        t.actorSubject = actor.subject();
        t.actorDepartment = actor.department();
        t.at = OffsetDateTime.now();
        t.persist();
        report.status = to;
        report.updatedAt = t.at;
        return TransitionView.of(t);
    }

    /** The report row, created as a draft on first use, locked so transitions happen one at a time. */
    private static Report lock(String departmentCode, int fiscalYear) {
        DepartmentYear key = new DepartmentYear(departmentCode, fiscalYear);
        Report report = Report.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            Report.getEntityManager().createNativeQuery("""
                    insert into report (department_code, fiscal_year, status, latest_version, updated_at)
                    values (?1, ?2, 'DRAFT', 0, now()) on conflict do nothing""")
                    .setParameter(1, departmentCode).setParameter(2, fiscalYear).executeUpdate();
            report = Report.findById(key, LockModeType.PESSIMISTIC_WRITE);
        }
        return report;
    }

    private static void requireStatus(Report report, String action, ReportStatus... allowed) {
        for (ReportStatus s : allowed) {
            if (report.status == s) {
                return;
            }
        }
        throw ProblemException.ruleBroken("wrong-status", "Not possible in this status",
                "a " + report.status + " report cannot be " + (action.endsWith("e") ? action + "d" : action + "ed")
                        + " (allowed from " + List.of(allowed) + ")",
                Map.of("reportStatus", report.status.name()));
    }

    private Report visibleReport(String departmentCode, int fiscalYear) {
        boolean portalOnly = caller.hasRole(Roles.PORTAL_CLIENT) && !caller.hasRole(Roles.ADMIN)
                && !caller.hasRole(Roles.FINANCE_REVIEWER);
        if (!portalOnly) {
            requireDepartmentOrReviewer(departmentCode);
        }
        Report report = Report.findById(new DepartmentYear(departmentCode, fiscalYear));
        if (report == null || (portalOnly && report.status != ReportStatus.PUBLISHED)) {
            throw ProblemException.notFound("the " + departmentCode + " " + fiscalYear + " report");
        }
        return report;
    }

    /** The portal reads only the published version; everyone else who sees the report reads all versions. */
    private boolean mayReadVersion(Report report, int number) {
        boolean portalOnly = caller.hasRole(Roles.PORTAL_CLIENT) && !caller.hasRole(Roles.ADMIN)
                && !caller.hasRole(Roles.FINANCE_REVIEWER);
        return !portalOnly || (report.status == ReportStatus.PUBLISHED && number == report.latestVersion);
    }

    private void requireDepartmentOrReviewer(String departmentCode) {
        boolean reviewer = caller.hasRole(Roles.FINANCE_REVIEWER) || caller.hasRole(Roles.ADMIN);
        if (!reviewer && !caller.department().map(departmentCode::equals).orElse(false)) {
            throw ProblemException.notFound("the " + departmentCode + " report");
        }
    }

    private void requireOwnDepartment(String departmentCode) {
        if (!caller.department().map(departmentCode::equals).orElse(false)) {
            throw ProblemException.notFound("the " + departmentCode + " report");
        }
    }

    private String toJson(SelfEvaluationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
