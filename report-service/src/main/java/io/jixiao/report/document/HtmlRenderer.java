package io.jixiao.report.document;

import java.util.List;

/** The report as a readable HTML page; every piece of text is escaped, so narrative markup stays text. */
public final class HtmlRenderer {

    private HtmlRenderer() {
    }

    public static String render(List<Block> outline) {
        StringBuilder html = new StringBuilder(32_768);
        String title = outline.isEmpty() ? "" : text(outline.get(0));
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(title))
                .append("</title>\n<style>body{font-family:\"Noto Serif CJK SC\",\"SimSun\",serif;max-width:60em;"
                        + "margin:2em auto;line-height:1.7}table{border-collapse:collapse;margin:1em 0}"
                        + "td,th{border:1px solid #555;padding:.2em .5em;vertical-align:top}th{background:#eee}</style>\n")
                .append("</head>\n<body>\n");
        for (Block block : outline) {
            if (block instanceof Block.Heading h) {
                int level = Math.min(h.level() + 1, 6);
                html.append("<h").append(level).append('>').append(escape(h.text())).append("</h").append(level)
                        .append(">\n");
            } else if (block instanceof Block.Paragraph p) {
                html.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Block.Table t) {
                html.append("<table>\n<tr>");
                t.header().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
                html.append("</tr>\n");
                for (List<String> row : t.rows()) {
                    html.append("<tr>");
                    row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
                    html.append("</tr>\n");
                }
                html.append("</table>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String text(Block block) {
        return block instanceof Block.Heading h ? h.text() : "";
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
