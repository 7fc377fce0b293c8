package org.exportaudit.audit.control;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import org.exportaudit.audit.entity.AuditEvents;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.audit.entity.FileDownloaded;
import org.exportaudit.audit.entity.PendingAuditRecord;
import org.exportaudit.audit.entity.TrailDownloaded;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportLogDownloaded;
import org.exportaudit.notification.entity.ThresholdChanged;
import org.exportaudit.policy.entity.PolicyEvents;

/**
 * Writes every change into the audit as it happens. The observers are synchronous and run in the
 * transaction that fired the event, so the record commits with its change or rolls back with it,
 * and joins the hash chain right after the commit ({@link Chaining}).
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvents.Written> written;

    void requested(@Observes ExportEvents.Requested event) {
        append(event.at(), AuditKind.EXPORT_REQUESTED, event.user(), event.exportId(), JSON.createObjectBuilder()
                .add("source", event.source()).add("fileName", event.fileName()).add("format", event.format())
                .add("filters", object(event.filters())));
    }

    void recorded(@Observes ExportEvents.Recorded event) {
        append(event.at(), AuditKind.EXPORT_RECORDED_BY_HOST, event.user(), event.exportId(), JSON.createObjectBuilder()
                .add("source", event.source()).add("fileName", event.fileName()).add("records", event.records()));
    }

    void completed(@Observes ExportEvents.Completed event) {
        append(event.at(), AuditKind.EXPORT_COMPLETED, AuditRecord.SYSTEM, event.exportId(), JSON.createObjectBuilder()
                .add("records", event.records()).add("fileSize", event.fileSize()).add("sha256", event.sha256()));
    }

    /** Detail {@code {"reason": "…", "failure": "failed", "incident": "…"}}: our words, the incident where there is one. */
    void failed(@Observes ExportEvents.Failed event) {
        ExportFailure failure = ExportFailure.parse(event.failure());
        JsonObjectBuilder detail = JSON.createObjectBuilder().add("reason", failure.toString()).add("failure", failure.code());
        if (failure.incident() != null) {
            detail.add("incident", failure.incident());
        }
        append(event.at(), AuditKind.EXPORT_FAILED, AuditRecord.SYSTEM, event.exportId(), detail);
    }

    void cancelled(@Observes ExportEvents.Cancelled event) {
        append(event.at(), AuditKind.EXPORT_CANCELLED, event.by(), event.exportId(), JSON.createObjectBuilder());
    }

    /** Detail {@code {"from": "node-1", "to": "node-2", "takeovers": 1}}: from null for an export of before nodes. */
    void takenOver(@Observes ExportEvents.TakenOver event) {
        append(event.at(), AuditKind.EXPORT_TAKEN_OVER, AuditRecord.SYSTEM, event.exportId(), JSON.createObjectBuilder()
                .add("from", event.from() == null ? JsonValue.NULL : JSON.createValue(event.from()))
                .add("to", event.to()).add("takeovers", event.takeovers()));
    }

    /** A notice or step-up policy applied and the export went ahead: which policy, and the total that reached it. */
    void ruled(@Observes ExportEvents.Ruled event) {
        append(event.at(), AuditKind.EXPORT_RULED_BY_POLICY, event.user(), event.exportId(), policy(event.policyId(),
                event.policy()).add("action", event.action().key()).add("total", event.total()));
    }

    void awaitingApproval(@Observes ExportEvents.AwaitingApproval event) {
        append(event.at(), AuditKind.EXPORT_AWAITING_APPROVAL, event.user(), event.exportId(), policy(event.policyId(),
                event.policy()).add("records", event.records()).add("total", event.total())
                .add("until", event.until().toString()));
    }

    void approved(@Observes ExportEvents.Approved event) {
        append(event.at(), AuditKind.EXPORT_APPROVED, event.by(), event.exportId(), JSON.createObjectBuilder());
    }

    void denied(@Observes ExportEvents.Denied event) {
        append(event.at(), AuditKind.EXPORT_DENIED, event.by(), event.exportId(), JSON.createObjectBuilder()
                .add("reason", event.reason()));
    }

    void withdrawn(@Observes ExportEvents.Withdrawn event) {
        append(event.at(), AuditKind.EXPORT_WITHDRAWN, event.by(), event.exportId(), JSON.createObjectBuilder());
    }

    void expired(@Observes ExportEvents.Expired event) {
        append(event.at(), AuditKind.EXPORT_EXPIRED, AuditRecord.SYSTEM, event.exportId(), JSON.createObjectBuilder());
    }

    void blocked(@Observes ExportEvents.Blocked event) {
        append(event.at(), AuditKind.EXPORT_BLOCKED, event.user(), event.exportId(), policy(event.policyId(),
                event.policy()).add("records", event.records()).add("limit", event.limit()).add("total", event.total()));
    }

    /** No export exists: the attempt is recorded with its source and count, and when the user last entered their password. */
    void stepUpRequired(@Observes ExportEvents.StepUpRequired event) {
        append(event.at(), AuditKind.STEP_UP_REQUIRED, event.user(), null, policy(event.policyId(), event.policy())
                .add("source", event.source()).add("records", event.records())
                .add("signedInAt", event.signedInAt() == null ? JsonValue.NULL : JSON.createValue(event.signedInAt().toString())));
    }

    /**
     * Detail {@code {"policyId", "before", "after"}}, each side the policy's description, null where it did not
     * exist; a change adds {@code "changes": {field: {"before", "after"}}} for every field that changed, the
     * message included (which the description does not say).
     */
    void policyChanged(@Observes PolicyEvents.Changed event) {
        AuditKind kind = event.before() == null ? AuditKind.POLICY_CREATED
                : event.after() == null ? AuditKind.POLICY_REMOVED : AuditKind.POLICY_CHANGED;
        JsonObjectBuilder detail = JSON.createObjectBuilder().add("policyId", event.policyId())
                .add("before", text(event.before()))
                .add("after", text(event.after()));
        if (kind == AuditKind.POLICY_CHANGED) {
            JsonObjectBuilder changes = JSON.createObjectBuilder();
            event.changes().forEach(change -> changes.add(change.field(), JSON.createObjectBuilder()
                    .add("before", text(change.before())).add("after", text(change.after()))));
            detail.add("changes", changes);
        }
        append(event.at(), kind, event.by(), null, detail);
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }

    private static JsonObjectBuilder policy(long id, String description) {
        return JSON.createObjectBuilder().add("policyId", id).add("policy", description);
    }

    void purged(@Observes ExportEvents.Purged event) {
        append(event.at(), AuditKind.FILE_PURGED, AuditRecord.SYSTEM, event.exportId(), JSON.createObjectBuilder());
    }

    void downloaded(@Observes FileDownloaded event) {
        append(event.at(), AuditKind.FILE_DOWNLOADED, event.user(), event.exportId(), JSON.createObjectBuilder()
                .add("ipAddress", event.ipAddress())
                .add("userAgent", event.userAgent() == null ? JsonValue.NULL : JSON.createValue(event.userAgent())));
    }

    void thresholdChanged(@Observes ThresholdChanged event) {
        append(event.at(), AuditKind.THRESHOLD_CHANGED, event.admin(), null, JSON.createObjectBuilder()
                .add("from", event.from() == null ? JsonValue.NULL : JSON.createValue(event.from()))
                .add("to", event.to() == null ? JsonValue.NULL : JSON.createValue(event.to())));
    }

    /**
     * The stored filters as a JSON object, not as a string: escaped a second time, quotes and
     * backslashes would double, and filters that fit the export's column could overflow the detail.
     */
    private static JsonObject object(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    void trailDownloaded(@Observes TrailDownloaded event) {
        append(event.at(), AuditKind.AUDIT_TRAIL_DOWNLOADED, event.user(), null, JSON.createObjectBuilder()
                .add("filters", object(event.filters())).add("records", event.records()));
    }

    void exportLogDownloaded(@Observes ExportLogDownloaded event) {
        append(event.at(), AuditKind.EXPORT_LOG_DOWNLOADED, event.user(), null, JSON.createObjectBuilder()
                .add("filters", object(event.filters())).add("exports", event.exports()));
    }

    /** Writes the record in the change's transaction; it joins the chain once that commits ({@link ChainTrigger}). */
    private void append(Instant at, AuditKind kind, String actor, Long exportId, JsonObjectBuilder detail) {
        PendingAuditRecord record = new PendingAuditRecord(at, kind, actor, exportId, detail.build().toString());
        em.persist(record);
        written.fire(new AuditEvents.Written(record.id()));
    }
}
