package org.exportaudit.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A CSV file made for the caller as they asked (the audit trail, the export log), streamed as an
 * attachment: UTF-8, never sniffed as something else, never kept by a cache.
 */
final class CsvDownload {

    private static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

    private CsvDownload() {
    }

    static Response of(String fileName, StreamingOutput body) {
        return Response.ok(body, CSV)
                .header("Content-Disposition", AttachmentName.header(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
