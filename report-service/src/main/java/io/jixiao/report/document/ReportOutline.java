package io.jixiao.report.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jixiao.report.mapping.NarrativeKeys;
import io.jixiao.report.mapping.SelfEvaluationReport;
import io.jixiao.report.mapping.SelfEvaluationReport.CategoryLine;
import io.jixiao.report.mapping.SelfEvaluationReport.IndicatorLine;
import io.jixiao.report.mapping.SelfEvaluationReport.ProjectLine;
import io.jixiao.report.reconciliation.Finding;

/**
 * The report in the seed document's structure (DESIGN §8), as a list of blocks: generated sentences
 * carry the computed figures; narrative sections are the department's text, untouched (each
 * renderer makes it inert for its format).
 */
public final class ReportOutline {

    private ReportOutline() {
    }

    public static List<Block> of(SelfEvaluationReport r) {
        List<Block> b = new ArrayList<>();
        Map<String, String> n = r.narrative();
        SelfEvaluationReport.Totals t = r.totals();
        String unit = r.departmentName();

        b.add(new Block.Heading(0, r.fiscalYear() + "年度" + unit + "专项资金绩效自评报告"));
        b.add(new Block.Heading(1, "一、项目基本情况"));
        b.add(new Block.Heading(2, "(一)项目概况"));
        b.add(new Block.Heading(3, "1.项目决策背景"));
        StringBuilder counts = new StringBuilder(r.fiscalYear() + "年我单位共有项目支出" + t.projectCount() + "个");
        for (CategoryLine c : r.categories()) {
            if (c.projectCount() > 0) {
                counts.append("，").append(c.label()).append(c.projectCount()).append("个");
            }
        }
        b.add(new Block.Paragraph(counts + "。"));
        narrative(b, n, "background");
        for (ProjectLine p : r.projects()) {
            if (p.legalBasis() != null) {
                b.add(new Block.Paragraph(p.name() + "：" + p.legalBasis()));
            }
        }
        section(b, n, "main-content", 3);
        section(b, n, "organisation", 3);

        b.add(new Block.Heading(2, "(二)预算资金使用管理情况"));
        b.add(new Block.Heading(3, "1.预算资金安排及管理情况"));
        b.add(new Block.Heading(4, "(1)资金来源及拨付流程"));
        for (CategoryLine c : r.categories()) {
            if (c.projectCount() == 0) {
                continue;
            }
            List<String> items = r.projects().stream().filter(p -> p.category().equals(c.category()))
                    .map(p -> p.name() + p.budget() + "万元").toList();
            b.add(new Block.Paragraph(c.label() + c.projectCount() + "个，预算资金总额" + c.budget() + "万元。分别为："
                    + String.join("、", items) + "。"));
        }
        narrative(b, n, "fund-flow");
        b.add(new Block.Heading(4, "(2)资金到位情况"));
        b.add(new Block.Paragraph(r.fiscalYear() + "年度项目预算资金共" + t.budget() + "万元，资金到位" + t.arrived()
                + "万元，到位率" + orDash(t.arrivalRate()) + "%。"));
        b.add(new Block.Heading(4, "(3)资金使用情况"));
        b.add(new Block.Paragraph("本年度项目资金到位" + t.arrived() + "万元，支出" + t.spent() + "万元，资金执行率"
                + orDash(t.executionRate()) + "%。"));
        narrative(b, n, NarrativeKeys.EXECUTION_EXPLANATION);
        section(b, n, "fund-management", 4);
        section(b, n, "implementation", 3);

        b.add(new Block.Heading(2, "(三)预算绩效目标情况"));
        b.add(new Block.Heading(3, "1.绩效目标"));
        int goal = 1;
        for (SelfEvaluationReport.GoalLine g : r.goals()) {
            b.add(new Block.Paragraph("(" + goal++ + ")" + (g.projectName() == null ? "" : g.projectName() + "：") + g.text()));
        }
        b.add(new Block.Heading(3, "2.绩效指标"));
        b.add(indicatorTable(r.indicators()));

        b.add(new Block.Heading(1, "二、绩效评价工作情况"));
        section(b, n, "evaluation-purpose", 2);
        section(b, n, "evaluation-scope", 2);
        section(b, n, "evaluation-method", 2);

        b.add(new Block.Heading(1, "三、主要绩效及评价结论"));
        section(b, n, "social-benefit", 2);
        section(b, n, "ecological-benefit", 2);
        section(b, n, "sustainability", 2);
        section(b, n, "satisfaction", 2);
        b.add(new Block.Heading(2, "(五)评价结论"));
        if (r.score() == null) {
            b.add(new Block.Paragraph("尚未评分。"));
        } else {
            b.add(new Block.Paragraph("依据评分办法（" + r.score().policy() + "），专项资金绩效评价自评得分" + r.score().total()
                    + "分，自评等级为“" + r.score().grade() + "”。"));
            List<List<String>> rows = new ArrayList<>();
            r.score().groups().forEach(g -> rows.add(List.of(g.label(), g.weight(), g.score())));
            rows.add(List.of("合计", "100", r.score().total()));
            b.add(new Block.Table(List.of("评分项目", "分值", "得分"), rows));
        }

        b.add(new Block.Heading(1, "四、绩效评价指标分析"));
        section(b, n, "decision", 2);
        b.add(new Block.Heading(2, "(二)项目过程情况"));
        b.add(new Block.Paragraph("(1)资金到位率。本年度项目预算资金总额" + t.budget() + "万元，实际到位资金" + t.arrived()
                + "万元，资金到位率" + orDash(t.arrivalRate()) + "%。"));
        b.add(new Block.Paragraph("(2)预算执行率。本年度项目资金到位" + t.arrived() + "万元，支出" + t.spent()
                + "万元，资金执行率" + orDash(t.executionRate()) + "%。"));
        section(b, n, "compliance", 3);
        section(b, n, "management-rules", 3);
        section(b, n, "outputs", 2);
        b.add(new Block.Heading(3, "产出成本"));
        b.add(new Block.Paragraph("本年项目支出共" + t.projectCount() + "个，预算下达金额总" + t.budget() + "万元，实际支出"
                + t.spent() + "万元，支出较预算节约" + t.savings() + "万元。成本控制率" + orDash(t.costControlRate()) + "%。"));

        b.add(new Block.Heading(1, "五、项目主要经验、存在的问题及建议"));
        section(b, n, "experience", 2);
        section(b, n, "problems", 2);
        section(b, n, "suggestions", 2);

        b.add(new Block.Heading(1, "附：勾稽关系检查"));
        List<List<String>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            findings.add(List.of(f.code(), f.severity().name(), f.subject(), f.message(), orDash(f.stated()),
                    orDash(f.computed())));
        }
        b.add(new Block.Table(List.of("检查", "结果", "对象", "说明", "填报数", "核算数"), findings));

        b.add(new Block.Paragraph(unit));
        return b;
    }

    /** The standard indicator table: 一级 / 二级 / 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因. */
    static Block.Table indicatorTable(List<IndicatorLine> indicators) {
        List<List<String>> rows = new ArrayList<>();
        for (IndicatorLine i : indicators) {
            rows.add(List.of(i.level1Label(), i.level2Label(), i.projectName() == null ? i.name() : i.name(),
                    orDash(i.target()) + unitOf(i), orDash(i.actual()) + (i.actual() == null ? "" : unitOf(i)),
                    orDash(i.weight()), i.notApplicable() ? "不适用" : orDash(i.score()), deviation(i)));
        }
        return new Block.Table(XlsxRenderer.INDICATOR_COLUMNS, rows);
    }

    static String deviation(IndicatorLine i) {
        if (i.deviationReason() == null && i.remedy() == null) {
            return "";
        }
        return (i.deviationReason() == null ? "" : i.deviationReason())
                + (i.remedy() == null ? "" : "；改进措施：" + i.remedy());
    }

    private static String unitOf(IndicatorLine i) {
        return i.unit() == null || i.target() == null ? "" : i.unit();
    }

    private static void section(List<Block> b, Map<String, String> n, String key, int level) {
        if (n.containsKey(key)) {
            b.add(new Block.Heading(level, NarrativeKeys.HEADINGS.get(key)));
            narrative(b, n, key);
        }
    }

    private static void narrative(List<Block> b, Map<String, String> n, String key) {
        String text = n.get(key);
        if (text != null) {
            for (String paragraph : text.split("\\R+")) {
                if (!paragraph.isBlank()) {
                    b.add(new Block.Paragraph(paragraph.strip()));
                }
            }
        }
    }

    static String orDash(String value) {
        return value == null ? "—" : value;
    }

}
