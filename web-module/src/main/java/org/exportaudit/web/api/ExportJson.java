package org.exportaudit.web.api;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.Messages;

/**
 * An export as the API shows it, with the export log's names: {@code name, source, records, user,
 * date, status, progress, downloadable}, plus what is known once it ended.
 */
final class ExportJson {

    private ExportJson() {
    }

    /** The export, with what it says in words (a failure, an expiry) in {@code language}. */
    static JsonObject of(ExportView export, Locale language) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", export.id())
                .add("name", export.fileName())
                .add("source", export.source())
                .add("format", export.format())
                .add("user", export.user())
                .add("date", export.requestedAt().toString())
                .add("status", export.status())
                .add("progress", JSON.createObjectBuilder()
                        .add("written", export.written())
                        .add("total", nullable(export.records())))
                .add("downloadable", export.downloadable());
        json.add("records", nullable(export.records()));
        optional(json, "endedAt", export.endedAt() == null ? null : export.endedAt().toString());
        if (export.fileSize() != null) {
            json.add("fileSize", export.fileSize());
        }
        optional(json, "sha256", export.sha256());
        optional(json, "cancelledBy", export.cancelledBy());
        if (export.failure() != null) { // our words; the incident is what an operator finds the cause under
            json.add("failure", export.failure().in(language));
            optional(json, "incident", export.failure().incident());
        }
        optional(json, "node", export.node()); // while it is in progress: the node that runs it
        optional(json, "policy", export.policy()); // the export policy that decided on it
        optional(json, "decidedBy", export.decidedBy());
        optional(json, "decidedAt", export.decidedAt() == null ? null : export.decidedAt().toString());
        optional(json, "reason", export.reason()); // why it was denied or blocked
        if (export.awaitingUntil() != null) { // until when it awaits approval; the deadline an expired one missed
            json.add("awaitingUntil", export.awaitingUntil().toString());
            if ("EXPIRED".equals(export.status())) {
                json.add("reason", Messages.text(language, "export.expired", export.awaitingUntil().toString()));
            }
        }
        return json.build();
    }

    private static jakarta.json.JsonValue nullable(Long number) {
        return number == null ? jakarta.json.JsonValue.NULL : JSON.createValue(number);
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
