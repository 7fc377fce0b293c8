package org.exportaudit.export.entity;

import java.util.Locale;
import org.exportaudit.client.ExportRefused;

/** The file formats an export can be written in. */
public enum ExportFormat {

    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** Reads a format as a request names it: {@code csv}, {@code XLSX}, … */
    public static ExportFormat named(String name) {
        if (name != null) {
            for (ExportFormat format : values()) {
                if (format.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        throw new ExportRefused("unknown-format", "format.unknown", name);
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
