package io.jixiao.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.jixiao.report.mapping.SelfEvaluationReport;
import io.jixiao.report.mapping.SelfEvaluationReport.IndicatorLine;

/**
 * The standard 项目支出绩效自评表 as an Excel workbook: the money lines on top, then the indicator
 * table with the standard columns, the total score and the grade. Every cell holds a value, never a
 * formula; text that looks like one ("=HYPERLINK(…)") is stored quote-prefixed, so Excel shows it as
 * text.
 */
public final class XlsxRenderer {

    public static final List<String> INDICATOR_COLUMNS = List.of("一级指标", "二级指标", "三级指标", "年度指标值",
            "实际完成值", "分值", "得分", "偏差原因分析及改进措施");

    private XlsxRenderer() {
    }

    public static byte[] render(SelfEvaluationReport r) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("项目支出绩效自评表");
            CellStyle text = book.createCellStyle();
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle bold = book.createCellStyle();
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            Cells cells = new Cells(text, quoted, bold);

            int row = 0;
            cells.put(sheet.createRow(row++), List.of("项目支出绩效自评表（" + r.fiscalYear() + "年度）"), true);
            cells.put(sheet.createRow(row++), List.of("主管部门及实施单位", r.departmentName()), false);
            cells.put(sheet.createRow(row++), List.of("", "年度预算数（万元）", "全年到位数（万元）", "全年执行数（万元）",
                    "执行率（%）", "分值", "得分"), true);
            SelfEvaluationReport.Totals t = r.totals();
            String executionWeight = r.score() == null ? "" : groupValue(r, "EXECUTION_RATE", true);
            String executionScore = r.score() == null ? "" : groupValue(r, "EXECUTION_RATE", false);
            cells.put(sheet.createRow(row++), List.of("年度资金总额", t.budget(), t.arrived(), t.spent(),
                    nz(t.executionRate()), executionWeight, executionScore), false);
            row++;
            cells.put(sheet.createRow(row++), INDICATOR_COLUMNS, true);
            for (IndicatorLine i : r.indicators()) {
                cells.put(sheet.createRow(row++), List.of(i.level1Label(), i.level2Label(), i.name(),
                        nz(i.target()) + (i.target() != null && i.unit() != null ? i.unit() : ""),
                        nz(i.actual()) + (i.actual() != null && i.unit() != null && i.target() != null ? i.unit() : ""),
                        nz(i.weight()), i.notApplicable() ? "不适用" : nz(i.score()), ReportOutline.deviation(i)), false);
            }
            row++;
            cells.put(sheet.createRow(row++), List.of("总分", "100", r.score() == null ? "" : r.score().total()), true);
            cells.put(sheet.createRow(row++), List.of("自评等级", r.score() == null ? "" : r.score().grade()), true);
            for (int c = 0; c < INDICATOR_COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, c == 2 || c == 7 ? 40 * 256 : 16 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String groupValue(SelfEvaluationReport r, String group, boolean weight) {
        return r.score().groups().stream().filter(g -> g.group().equals(group)).findFirst()
                .map(g -> weight ? g.weight() : g.score()).orElse("");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private record Cells(CellStyle text, CellStyle quoted, CellStyle bold) {

        void put(Row row, List<String> values, boolean header) {
            for (int c = 0; c < values.size(); c++) {
                String value = values.get(c) == null ? "" : values.get(c);
                var cell = row.createCell(c);
                cell.setCellValue(value);
                cell.setCellStyle(header ? bold : looksLikeFormula(value) ? quoted : text);
            }
        }

        /** What a spreadsheet would take for a formula if it were typed: = + - @ at the start. */
        static boolean looksLikeFormula(String value) {
            return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
        }
    }
}
