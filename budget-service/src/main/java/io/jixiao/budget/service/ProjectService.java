package io.jixiao.budget.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.jixiao.budget.Department;
import io.jixiao.budget.FundingLine;
import io.jixiao.budget.Project;
import io.jixiao.budget.ProjectCategory;
import io.jixiao.budget.mapping.FundingLineRequest;
import io.jixiao.budget.mapping.ProjectRequest;
import io.jixiao.budget.mapping.ProjectView;
import io.jixiao.common.money.Funds;
import io.jixiao.common.money.Yuan;
import io.jixiao.budget.messaging.BudgetEvents;
import io.quarkus.panache.common.Parameters;
import io.jixiao.common.json.Names;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;

/** Registering projects and their funding lines, and finding them. */
@ApplicationScoped
public class ProjectService {

    private static final String A_PROJECT = "a project of this list";

    /** The name of the single line made from a plain {@code budget}: this year's appropriation. */
    static final String DEFAULT_LINE_NAME = "本年预算";

    @Inject
    Caller caller;

    @Inject
    BudgetEvents events;

    @Transactional
    public ProjectView register(ProjectRequest request) {
        if (!caller.canSee(request.departmentCode()) || Department.findById(request.departmentCode()) == null) {
            throw ProblemException.invalidField("departmentCode", "no department " + request.departmentCode() + " is registered");
        }
        String name = Names.normalised(request.name());
        if (Project.count("departmentCode = ?1 and fiscalYear = ?2 and name = ?3", request.departmentCode(),
                request.fiscalYear(), name) > 0) {
            throw ProblemException.ruleBroken("project-exists", "Project exists",
                    "project '" + request.name() + "' is already registered for " + request.departmentCode() + " "
                            + request.fiscalYear(), Map.of("name", request.name()));
        }
        if (request.parentProjectId() != null) {
            Project parent = Project.findById(request.parentProjectId());
            if (parent == null || !parent.departmentCode.equals(request.departmentCode())) {
                throw ProblemException.invalidField("parentProjectId", "no project " + request.parentProjectId()
                        + " of department " + request.departmentCode());
            }
        }
        List<FundingLineRequest> lineRequests = fundingLines(request);

        Project project = new Project();
        project.id = UUID.randomUUID();
        project.departmentCode = request.departmentCode();
        project.fiscalYear = request.fiscalYear();
        project.name = name;
        project.category = request.category();
        project.fundSource = blankToNull(request.fundSource());
        project.legalBasis = blankToNull(request.legalBasis());
        project.paidOnBehalf = Boolean.TRUE.equals(request.paidOnBehalf());
        project.parentProjectId = request.parentProjectId();
        project.registeredAt = OffsetDateTime.now();
        project.registeredBy = caller.subject();
        project.persist();

        List<FundingLine> lines = new ArrayList<>();
        for (FundingLineRequest lineRequest : lineRequests) {
            lines.add(newLine(project, lineRequest));
        }
        events.projectRegistered(project, lines);
        return ProjectView.of(project, lines);
    }

    @Transactional
    public ProjectView addFundingLine(UUID projectId, FundingLineRequest request) {
        Project project = lockVisible(projectId);
        List<FundingLine> lines = FundingLine.ofProject(projectId);
        if (lines.stream().anyMatch(l -> l.name.equals(Names.normalised(request.name())))) {
            throw ProblemException.invalidField("name", "project already has a funding line named '" + request.name() + "'");
        }
        FundingLine line = newLine(project, request);
        lines.add(line);
        events.fundingLineAdded(project, line, lines);
        return ProjectView.of(project, lines);
    }

    public ProjectView get(UUID projectId) {
        Project project = visible(projectId);
        return ProjectView.of(project, FundingLine.ofProject(projectId));
    }

    /**
     * A page of the projects the caller may see, filtered, in department, year, category and name order,
     * after the project {@code after} (from the first when null). A department user only ever gets their
     * own department's.
     */
    public KeysetPages.Page<ProjectView> list(String departmentCode, Integer fiscalYear, ProjectCategory category,
            String after, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        String department = departmentCode;
        if (!caller.seesAllDepartments()) {
            // only the token's own department, never one named in the query
            String own = caller.department().orElse(null);
            if (own == null || (departmentCode != null && !departmentCode.equals(own))) {
                return new KeysetPages.Page<>(List.of(), null);
            }
            department = own;
        }
        if (department != null) {
            query.append(" and departmentCode = :department");
            params.and("department", department);
        }
        if (fiscalYear != null) {
            query.append(" and fiscalYear = :year");
            params.and("year", fiscalYear);
        }
        if (category != null) {
            query.append(" and category = :category");
            params.and("category", category);
        }
        if (after != null) {
            Project cursor = Project.findById(KeysetPages.cursor(after, A_PROJECT));
            if (cursor == null || (department != null && !cursor.departmentCode.equals(department))) {
                throw KeysetPages.notACursor(A_PROJECT);
            }
            // (department, year, name) is unique, so this order has no ties
            query.append(" and (departmentCode, fiscalYear, category, name) > (:afterDepartment, :afterYear,"
                    + " :afterCategory, :afterName)");
            params.and("afterDepartment", cursor.departmentCode).and("afterYear", cursor.fiscalYear)
                    .and("afterCategory", cursor.category.name()).and("afterName", cursor.name);
        }
        List<Project> fetched = Project.find(query + " order by departmentCode, fiscalYear, category, name", params)
                .page(0, size + 1).list();
        KeysetPages.Page<Project> page = KeysetPages.of(fetched, size, project -> project.id);
        Map<UUID, List<FundingLine>> linesByProject = linesOf(page.items());
        return new KeysetPages.Page<>(page.items().stream()
                .map(p -> ProjectView.of(p, linesByProject.getOrDefault(p.id, List.of()))).toList(), page.continueAfter());
    }

    /** The project if the caller may see it, "not found" otherwise. */
    public Project visible(UUID projectId) {
        Project project = Project.findById(projectId);
        if (project == null || !caller.canSee(project.departmentCode)) {
            throw ProblemException.notFound("project " + projectId);
        }
        return project;
    }

    /**
     * The project, locked for this transaction: every write that changes a project's money takes this
     * lock first, so two racing writes are checked one after the other against a current balance. Only a
     * project the caller may see is locked: another department's user cannot hold up its writes.
     */
    public Project lockVisible(UUID projectId) {
        Project project = visible(projectId);
        Project.getEntityManager().lock(project, LockModeType.PESSIMISTIC_WRITE);
        return project;
    }

    private static Map<UUID, List<FundingLine>> linesOf(List<Project> projects) {
        if (projects.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = projects.stream().map(p -> p.id).toList();
        List<FundingLine> lines = FundingLine.list("projectId in ?1 order by createdAt, name", ids);
        Map<UUID, List<FundingLine>> byProject = new java.util.HashMap<>();
        lines.forEach(l -> byProject.computeIfAbsent(l.projectId, k -> new ArrayList<>()).add(l));
        return byProject;
    }

    private static List<FundingLineRequest> fundingLines(ProjectRequest request) {
        List<FundingLineRequest> lines = request.fundingLines() == null ? List.of() : request.fundingLines();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!names.add(Names.normalised(lines.get(i).name()))) {
                throw ProblemException.invalidField("fundingLines[" + i + "].name", "duplicates another line's name");
            }
        }
        if (lines.isEmpty()) {
            return request.budget() == null ? List.of()
                    : List.of(new FundingLineRequest(DEFAULT_LINE_NAME, request.budget(), null));
        }
        if (request.budget() != null) {
            BigDecimal sum = lines.stream().map(FundingLineRequest::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(request.budget()) != 0) {
                throw ProblemException.invalidField("budget", "is " + Yuan.format(request.budget().setScale(2))
                        + " but the funding lines add up to " + Yuan.format(sum.setScale(2)));
            }
        }
        return lines;
    }

    private FundingLine newLine(Project project, FundingLineRequest request) {
        FundingLine line = new FundingLine();
        line.id = UUID.randomUUID();
        line.projectId = project.id;
        line.name = Names.normalised(request.name());
        line.approvedAmount = request.amount().setScale(2);
        line.carriedOverFromYear = request.carriedOverFromYear();
        line.funds = new Funds(line.approvedAmount, BigDecimal.ZERO, BigDecimal.ZERO);
        line.createdAt = OffsetDateTime.now();
        line.persist();
        return line;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
