package io.jixiao.report.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.jixiao.common.problem.ProblemException;

/** The formats a report is delivered in. */
public enum ReportFiles {
    JSON("application/json", "json"),
    HTML("text/html; charset=UTF-8", "html"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public final String mediaType;
    public final String extension;

    ReportFiles(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** From a file name such as {@code report.docx}. */
    public static ReportFiles of(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (ReportFiles format : values()) {
            if (fileName.startsWith("report.") && format.extension.equals(extension)) {
                return format;
            }
        }
        throw ProblemException.notFound("report file '" + fileName + "' (there are report."
                + String.join(", report.", List.of("json", "html", "docx", "xlsx")) + ")");
    }

    public String fileName(String departmentCode, int fiscalYear, Integer version) {
        return departmentCode + "-" + fiscalYear + "-self-evaluation" + (version == null ? "" : "-v" + version) + "."
                + extension;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
