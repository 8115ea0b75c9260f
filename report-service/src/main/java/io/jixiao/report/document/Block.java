package io.jixiao.report.document;

import java.util.List;

/** A piece of the report's outline, rendered the same way into HTML and Word. */
public sealed interface Block {

    /** A heading; level 0 is the title. */
    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
    }
}
