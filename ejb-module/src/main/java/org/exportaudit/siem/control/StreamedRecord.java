package org.exportaudit.siem.control;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.exportaudit.audit.entity.AuditKind;

/**
 * An audit record as it leaves for a SIEM: a copy of the committed record, read in a short
 * transaction and sent after it has closed. {@link #data()} is the record as the REST API shows it,
 * {@code {seq, kind, user, exportId, detail, at, hash}}, the same in a CloudEvent and a syslog message.
 */
public record StreamedRecord(long seq, AuditKind kind, String user, Long exportId, String detail, Instant at,
        String hash) {

    public JsonObject data() {
        JsonObjectBuilder data = JSON.createObjectBuilder().add("seq", seq).add("kind", kind.name()).add("user", user);
        if (exportId == null) {
            data.addNull("exportId");
        } else {
            data.add("exportId", exportId);
        }
        return data.add("detail", detailObject()).add("at", timestamp(at)).add("hash", hash).build();
    }

    /** The detail as a JSON object, not a string escaped once more. */
    private JsonObject detailObject() {
        try (JsonReader reader = JSON.createReader(new StringReader(detail))) {
            return reader.readObject();
        }
    }

    /**
     * RFC 3339 in UTC with at most six fractional digits, as both CloudEvents' {@code time} and
     * RFC 5424's TIMESTAMP (TIME-SECFRAC is 1*6 DIGIT) take it; the records keep microseconds.
     */
    public static String timestamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MICROS));
    }
}
