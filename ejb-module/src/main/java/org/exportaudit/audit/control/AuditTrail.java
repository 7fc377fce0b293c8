package org.exportaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.audit.entity.FileDownloaded;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.notification.entity.ThresholdChanged;

/**
 * Writes every change into the audit as it happens. The observers are synchronous and run in the
 * transaction that fired the event, so the record commits with its change or rolls back with it.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    void requested(@Observes ExportEvents.Requested event) {
        append(event.at(), AuditKind.EXPORT_REQUESTED, event.user(), event.exportId(), Json.createObjectBuilder()
                .add("source", event.source()).add("fileName", event.fileName()).add("format", event.format())
                .add("filters", object(event.filters())));
    }

    void recorded(@Observes ExportEvents.Recorded event) {
        append(event.at(), AuditKind.EXPORT_RECORDED_BY_HOST, event.user(), event.exportId(), Json.createObjectBuilder()
                .add("source", event.source()).add("fileName", event.fileName()).add("records", event.records()));
    }

    void completed(@Observes ExportEvents.Completed event) {
        append(event.at(), AuditKind.EXPORT_COMPLETED, AuditRecord.SYSTEM, event.exportId(), Json.createObjectBuilder()
                .add("records", event.records()).add("fileSize", event.fileSize()).add("sha256", event.sha256()));
    }

    void failed(@Observes ExportEvents.Failed event) {
        append(event.at(), AuditKind.EXPORT_FAILED, AuditRecord.SYSTEM, event.exportId(), Json.createObjectBuilder()
                .add("reason", event.reason()));
    }

    void cancelled(@Observes ExportEvents.Cancelled event) {
        append(event.at(), AuditKind.EXPORT_CANCELLED, event.by(), event.exportId(), Json.createObjectBuilder());
    }

    /** Detail {@code {"from": "node-1", "to": "node-2", "takeovers": 1}}: from null for an export of before nodes. */
    void takenOver(@Observes ExportEvents.TakenOver event) {
        append(event.at(), AuditKind.EXPORT_TAKEN_OVER, AuditRecord.SYSTEM, event.exportId(), Json.createObjectBuilder()
                .add("from", event.from() == null ? JsonValue.NULL : Json.createValue(event.from()))
                .add("to", event.to()).add("takeovers", event.takeovers()));
    }

    void purged(@Observes ExportEvents.Purged event) {
        append(event.at(), AuditKind.FILE_PURGED, AuditRecord.SYSTEM, event.exportId(), Json.createObjectBuilder());
    }

    void downloaded(@Observes FileDownloaded event) {
        append(event.at(), AuditKind.FILE_DOWNLOADED, event.user(), event.exportId(), Json.createObjectBuilder()
                .add("ipAddress", event.ipAddress())
                .add("userAgent", event.userAgent() == null ? JsonValue.NULL : Json.createValue(event.userAgent())));
    }

    void thresholdChanged(@Observes ThresholdChanged event) {
        append(event.at(), AuditKind.THRESHOLD_CHANGED, event.admin(), null, Json.createObjectBuilder()
                .add("from", event.from() == null ? JsonValue.NULL : Json.createValue(event.from()))
                .add("to", event.to() == null ? JsonValue.NULL : Json.createValue(event.to())));
    }

    /**
     * The stored filters as a JSON object, not as a string: escaped a second time, quotes and
     * backslashes would double, and filters that fit the export's column could overflow the detail.
     */
    private static JsonObject object(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private void append(Instant at, AuditKind kind, String actor, Long exportId, JsonObjectBuilder detail) {
        em.persist(new AuditRecord(at, kind, actor, exportId, detail.build().toString()));
    }
}
