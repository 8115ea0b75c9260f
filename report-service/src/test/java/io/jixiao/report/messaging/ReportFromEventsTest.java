package io.jixiao.report.messaging;

import static io.jixiao.report.Api.as;
import static io.jixiao.report.Api.awaitReport;
import static io.jixiao.report.Api.newDepartmentCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.jixiao.report.DepartmentYearFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** From budget and indicator events on the broker to a report whose figures are computed and checked. */
@QuarkusTest
class ReportFromEventsTest {

    @Test
    void theReportIsAssembledFromTheEventsAndRenderedInEveryFormat() throws Exception {
        String dept = newDepartmentCode();
        try (DepartmentYearFeed feed = new DepartmentYearFeed(dept)) {
            feed.money().targets().scored("99.39", "优", List.of());
        }
        JsonPath report = awaitReport(dept, r -> "优".equals(r.getString("score.grade"))
                && "46.00".equals(r.getString("totals.spent")) && r.getList("indicators").size() == 6
                && r.getList("indicators").stream().allMatch(i -> ((java.util.Map<?, ?>) i).get("actual") != null));

        assertEquals("怀化市工业和信息化局", report.getString("departmentName"));
        assertEquals(2, report.getInt("totals.projectCount"));
        assertEquals("49.00", report.getString("totals.budget"));
        assertEquals("49.00", report.getString("totals.arrived"));
        assertEquals("3.00", report.getString("totals.savings"));
        assertEquals("100.00", report.getString("totals.arrivalRate"));
        assertEquals("93.88", report.getString("totals.executionRate"));
        assertEquals("6.12", report.getString("totals.costControlRate"));
        assertEquals("34.00", report.getString("categories.find { it.category == 'MID_YEAR_ADJUSTMENT' }.budget"));
        assertEquals(List.of("安全生产专项经费", "智慧怀化工作经费"), report.getList("projects.name"));
        assertEquals("≤30", report.getString("indicators.find { it.name == '智慧怀化工作经费' }.target"));
        assertEquals("28", report.getString("indicators.find { it.name == '智慧怀化工作经费' }.actual"));
        assertEquals("财预〔2020〕10号", report.getString("score.policy"));
        assertEquals("9.39", report.getString("score.groups.find { it.group == 'EXECUTION_RATE' }.score"));

        // DESIGN §7: the declared total is one fen over the lines; the two cost lines reconcile with 34 万元
        assertEquals("WARNING", report.getString("findings.find { it.code == 'DECLARED_TOTAL' }.severity"));
        assertEquals("49.01", report.getString("findings.find { it.code == 'DECLARED_TOTAL' }.stated"));
        assertEquals("49.00", report.getString("findings.find { it.code == 'DECLARED_TOTAL' }.computed"));
        assertEquals("OK", report.getString("findings.find { it.code == 'COST_CEILING' && it.subject == '智慧怀化工作经费' }.severity"));
        assertEquals("34.00", report.getString("findings.find { it.code == 'COST_CEILING' && it.subject == '智慧怀化工作经费' }.stated"));

        // the department's own text: a figure that disagrees with the ledger is flagged; markup stays inert
        String hostile = "本年度项目资金到位49.01万元，支出46万元，资金执行率93.88%。<script>alert('x')</script>";
        as(TestTokens.deptUser(dept)).body("{\"text\":" + quote(hostile) + "}")
                .put("/api/reports/" + dept + "/2023/sections/fund-flow").then().statusCode(200);
        as(TestTokens.deptUser(dept)).body("{\"text\":" + quote("=HYPERLINK(\"http://evil.example\",\"点我\")") + "}")
                .put("/api/reports/" + dept + "/2023/sections/problems").then().statusCode(200);
        report = as(TestTokens.deptUser(dept)).get("/api/reports/" + dept + "/2023").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("WARNING", report.getString("findings.find { it.code == 'NARRATIVE_FIGURE' && it.stated == '49.01' }.severity"));
        assertEquals("49.00", report.getString("findings.find { it.code == 'NARRATIVE_FIGURE' && it.stated == '49.01' }.computed"));
        assertEquals("OK", report.getString("findings.find { it.code == 'NARRATIVE_FIGURE' && it.stated == '93.88' }.severity"));

        String html = as(TestTokens.deptUser(dept)).get("/api/reports/" + dept + "/2023/report.html").then()
                .statusCode(200).contentType("text/html").extract().asString();
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "markup is escaped");
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("资金执行率93.88%"));

        byte[] docx = as(TestTokens.deptUser(dept)).get("/api/reports/" + dept + "/2023/report.docx").then()
                .statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString(".docx"))
                .extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals("2023年度怀化市工业和信息化局专项资金绩效自评报告", paragraphs.get(0));
            for (String heading : List.of("一、项目基本情况", "(二)预算资金使用管理情况", "(三)预算绩效目标情况",
                    "二、绩效评价工作情况", "三、主要绩效及评价结论", "四、绩效评价指标分析", "五、项目主要经验、存在的问题及建议")) {
                assertTrue(paragraphs.contains(heading), heading + " in " + paragraphs);
            }
            String all = String.join("\n", paragraphs);
            assertTrue(all.contains("2023年度项目预算资金共49.00万元，资金到位49.00万元，到位率100.00%。"), all);
            assertTrue(all.contains("本年度项目资金到位49.00万元，支出46.00万元，资金执行率93.88%。"), all);
            assertTrue(all.contains("支出较预算节约3.00万元。成本控制率6.12%。"), all);
            assertTrue(all.contains("自评得分99.39分，自评等级为“优”"), all);
            assertTrue(all.contains("<script>alert('x')</script>"), "the narrative is kept as literal text");
            XWPFTable indicators = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("一级指标")).findFirst().orElseThrow();
            List<String> smartCity = indicators.getRows().stream()
                    .filter(r -> r.getCell(2).getText().equals("智慧怀化工作经费")).findFirst().orElseThrow()
                    .getTableCells().stream().map(c -> c.getText()).toList();
            assertEquals(List.of("成本指标", "经济成本指标", "智慧怀化工作经费", "≤30万元", "28万元", "5", "10.00", ""), smartCity);
        }

        byte[] xlsx = as(TestTokens.deptUser(dept)).get("/api/reports/" + dept + "/2023/report.xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("项目支出绩效自评表");
            assertNotNull(sheet);
            Row header = rowStartingWith(sheet, "一级指标");
            assertEquals(List.of("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"),
                    values(header));
            assertEquals(List.of("年度资金总额", "49.00", "49.00", "46.00", "93.88", "10", "9.39"),
                    values(rowStartingWith(sheet, "年度资金总额")));
            assertEquals("99.39", rowStartingWith(sheet, "总分").getCell(2).getStringCellValue());
            assertEquals("优", rowStartingWith(sheet, "自评等级").getCell(1).getStringCellValue());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertTrue(cell.getCellType() != CellType.FORMULA, "no formula anywhere");
                }
            }
        }
    }

    @Test
    void aFormulaLikeDeviationReasonIsStoredAsText() throws Exception {
        String dept = newDepartmentCode();
        try (DepartmentYearFeed feed = new DepartmentYearFeed(dept)) {
            feed.money();
            feed.indicator("调查研究次数", null, "OUTPUT", "QUANTITY", "GE", "100", "次", "50", "130",
                    "=HYPERLINK(\"http://evil.example\",\"点我\")");
        }
        awaitReport(dept, r -> r.getList("indicators").size() == 1 && r.getString("indicators[0].deviationReason") != null);
        byte[] xlsx = as(TestTokens.deptUser(dept)).get("/api/reports/" + dept + "/2023/report.xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell reason = rowStartingWith(book.getSheetAt(0), "产出指标").getCell(7);
            assertEquals(CellType.STRING, reason.getCellType());
            assertEquals("=HYPERLINK(\"http://evil.example\",\"点我\")", reason.getStringCellValue());
            assertTrue(reason.getCellStyle().getQuotePrefixed(), "shown as text, never evaluated");
        }
    }

    static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && first.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row starting with " + first);
    }

    static List<String> values(Row row) {
        List<String> values = new java.util.ArrayList<>();
        row.forEach(c -> values.add(c.getStringCellValue()));
        return values;
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
