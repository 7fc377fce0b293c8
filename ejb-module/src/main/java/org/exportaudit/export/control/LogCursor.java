package org.exportaudit.export.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.exportaudit.client.ExportRefused;

/**
 * Where a page of the export log ended: the last row's request time and id. Pages continue
 * strictly after it, so rows inserted meanwhile never shift a page (unlike an offset). Opaque to
 * callers; a cursor that does not decode is refused.
 */
record LogCursor(Instant requestedAt, long id) {

    String encode() {
        String plain = requestedAt.getEpochSecond() + "." + requestedAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static LogCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length == 3) {
                return new LogCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            // refused below
        }
        throw new ExportRefused("invalid-cursor", "cursor.invalid");
    }
}
