package io.jixiao.budget.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.jixiao.budget.FundingLine;
import io.jixiao.budget.Project;
import io.jixiao.budget.ProjectCategory;
import io.jixiao.common.money.Yuan;

public record ProjectView(UUID id, String departmentCode, int fiscalYear, String name, ProjectCategory category,
        String fundSource, String legalBasis, boolean paidOnBehalf, UUID parentProjectId, String budget,
        List<FundingLineView> fundingLines, OffsetDateTime registeredAt) {

    public static ProjectView of(Project p, List<FundingLine> lines) {
        return new ProjectView(p.id, p.departmentCode, p.fiscalYear, p.name, p.category, p.fundSource, p.legalBasis,
                p.paidOnBehalf, p.parentProjectId, Yuan.format(FundingLine.totals(lines).budget),
                lines.stream().map(FundingLineView::of).toList(), p.registeredAt);
    }
}
