package org.exportaudit.client;

import java.io.Serializable;
import java.util.Map;

/**
 * What a caller asks to export: a source by its key, a format ({@code CSV} or {@code XLSX}), a
 * file name (null for a sensible default) and equality filters on the source's declared columns.
 */
public record ExportRequest(String source, String format, String fileName, Map<String, String> filters)
        implements Serializable {

    public ExportRequest {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    public static ExportRequest of(String source, String format) {
        return new ExportRequest(source, format, null, Map.of());
    }
}
