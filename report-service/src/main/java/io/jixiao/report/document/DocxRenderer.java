package io.jixiao.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The report as a Word document (.docx) in the seed's section structure. Text goes into plain runs:
 * narrative markup or field-like text stays literal text, never a field, link or markup.
 */
public final class DocxRenderer {

    /** East-Asian font for the Chinese text, as Word and LibreOffice expect it named. */
    private static final String FONT = "宋体";

    private DocxRenderer() {
    }

    public static byte[] render(List<Block> outline) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block block : outline) {
                if (block instanceof Block.Heading h) {
                    heading(doc, h);
                } else if (block instanceof Block.Paragraph p) {
                    XWPFParagraph paragraph = doc.createParagraph();
                    paragraph.setFirstLineIndent(480);
                    run(paragraph, p.text(), false, 12);
                } else if (block instanceof Block.Table t) {
                    table(doc, t);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, Block.Heading h) {
        XWPFParagraph paragraph = doc.createParagraph();
        if (h.level() == 0) {
            paragraph.setAlignment(ParagraphAlignment.CENTER);
            paragraph.setStyle("Title");
        } else {
            paragraph.setStyle("Heading" + h.level());
        }
        run(paragraph, h.text(), true, h.level() == 0 ? 18 : h.level() == 1 ? 15 : 13);
    }

    private static void table(XWPFDocument doc, Block.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        fill(table.getRow(0), t.header(), true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph paragraph = row.getCell(c).getParagraphs().get(0);
            run(paragraph, cells.get(c) == null ? "" : cells.get(c), bold, 10);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }
}
