package org.exportaudit.siem.control;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import org.exportaudit.audit.entity.AuditKind;

/**
 * An audit record as a CloudEvent 1.0 in structured JSON mode (the HTTP body is the whole event,
 * {@value #MEDIA_TYPE}). Written with JSON-P rather than the CloudEvents Java SDK: the SDK's JSON
 * format module (cloudevents-json-jackson 4.1) needs Jackson 2.21 while WildFly 39 ships 2.20, so it
 * would mean bundling a second Jackson into the EAR for eight attributes the spec fixes exactly.
 *
 * <ul>
 * <li>{@code id}: the record's seq, as a string. With {@code source} it identifies the record,
 * whichever node delivered it and however often: receivers dedupe by it.
 * <li>{@code source}: the application's address ({@code export-audit.base-url}), the same on every
 * node of a cluster (a node's name in it would make a record redelivered by another node look new).
 * <li>{@code type}: {@value #TYPE_PREFIX} and the kind, its first word as the noun:
 * {@code EXPORT_CANCELLED} is {@code org.exportaudit.export.cancelled}.
 * <li>{@code time}: when the record's change happened (RFC 3339); {@code subject}: the export's id,
 * where the record is about an export.
 * <li>{@code data}: the record, {@code {seq, kind, user, exportId, detail, at, hash}}.
 * </ul>
 */
public final class CloudEvent {

    public static final String MEDIA_TYPE = "application/cloudevents+json";

    static final String TYPE_PREFIX = "org.exportaudit.";

    private CloudEvent() {
    }

    public static String json(StreamedRecord record, String source) {
        JsonObjectBuilder event = JSON.createObjectBuilder()
                .add("specversion", "1.0")
                .add("id", Long.toString(record.seq()))
                .add("source", source)
                .add("type", type(record.kind()))
                .add("time", StreamedRecord.timestamp(record.at()));
        if (record.exportId() != null) {
            event.add("subject", Long.toString(record.exportId()));
        }
        return event.add("datacontenttype", "application/json").add("data", record.data()).build().toString();
    }

    /**
     * The event type of a kind: lower case, the first word its noun ({@code FILE_DOWNLOADED} is
     * {@code file.downloaded}, {@code EXPORT_RECORDED_BY_HOST} {@code export.recorded_by_host}). A
     * step-up refusal is about an export that was not started, so it is the export's.
     */
    public static String type(AuditKind kind) {
        if (kind == AuditKind.STEP_UP_REQUIRED) {
            return TYPE_PREFIX + "export.step_up_required";
        }
        return TYPE_PREFIX + kind.name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }
}
