package org.exportaudit.audit.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.exportaudit.client.Refusal;

/**
 * Where a page of the audit trail ended: the last record's position. The next page continues
 * strictly below it ({@code seq < cursor}), so records appended meanwhile never shift a page, and
 * the database walks an index from that position instead of skipping an offset. Opaque to callers;
 * a cursor that does not decode is refused.
 */
record TrailCursor(long seq) {

    private static final String PREFIX = "seq:";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static TrailCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (plain.startsWith(PREFIX) && plain.substring(PREFIX.length()).matches("[0-9]{1,18}")) {
                return new TrailCursor(Long.parseLong(plain.substring(PREFIX.length())));
            }
        } catch (IllegalArgumentException malformed) {
            // refused below
        }
        throw Refusal.invalid("invalid-cursor", "cursor.invalid");
    }
}
