package org.exportaudit.siem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.exportaudit.audit.entity.AuditKind;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private static final StreamedRecord CANCELLED = new StreamedRecord(12, AuditKind.EXPORT_CANCELLED, "alice", 5L,
            "{\"reason\": \"too \\\"big\\\"\"}", Instant.parse("2026-11-30T01:45:16.123456Z"), "ab".repeat(32));

    @Test
    void a_record_is_a_structured_mode_cloudevent_with_the_record_as_its_data() {
        JsonObject event = parsed(CloudEvent.json(CANCELLED, "https://crm.example.com/export-audit"));

        assertEquals("1.0", event.getString("specversion"));
        assertEquals("12", event.getString("id"), "the seq, as a string");
        assertEquals("https://crm.example.com/export-audit", event.getString("source"));
        assertEquals("org.exportaudit.export.cancelled", event.getString("type"));
        assertEquals("2026-11-30T01:45:16.123456Z", event.getString("time"));
        assertEquals("5", event.getString("subject"), "the export");
        assertEquals("application/json", event.getString("datacontenttype"));
        assertEquals(parsed("{\"seq\": 12, \"kind\": \"EXPORT_CANCELLED\", \"user\": \"alice\", \"exportId\": 5,"
                + " \"detail\": {\"reason\": \"too \\\"big\\\"\"}, \"at\": \"2026-11-30T01:45:16.123456Z\", \"hash\": \""
                + "ab".repeat(32) + "\"}"), event.getJsonObject("data"), "the detail as an object, not a string");
    }

    @Test
    void a_record_about_no_export_has_no_subject_and_a_null_export_id() {
        StreamedRecord policy = new StreamedRecord(7, AuditKind.POLICY_CREATED, "sam", null, "{}",
                Instant.parse("2026-11-30T01:45:16Z"), "00".repeat(32));

        JsonObject event = parsed(CloudEvent.json(policy, "/export-audit"));

        assertFalse(event.containsKey("subject"));
        assertEquals("org.exportaudit.policy.created", event.getString("type"));
        assertEquals("2026-11-30T01:45:16Z", event.getString("time"), "RFC 3339");
        assertEquals(Json.createValue(0).getValueType(), event.getJsonObject("data").get("seq").getValueType());
        assertEquals("NULL", event.getJsonObject("data").get("exportId").getValueType().name());
    }

    @Test
    void each_kind_has_a_type_of_its_own_named_by_its_noun_then_what_happened() {
        assertEquals("org.exportaudit.file.downloaded", CloudEvent.type(AuditKind.FILE_DOWNLOADED));
        assertEquals("org.exportaudit.export.recorded_by_host", CloudEvent.type(AuditKind.EXPORT_RECORDED_BY_HOST));
        assertEquals("org.exportaudit.export.step_up_required", CloudEvent.type(AuditKind.STEP_UP_REQUIRED));
        assertEquals("org.exportaudit.audit.anchored", CloudEvent.type(AuditKind.AUDIT_ANCHORED));
        assertEquals("org.exportaudit.audit.trail_downloaded", CloudEvent.type(AuditKind.AUDIT_TRAIL_DOWNLOADED));
        assertEquals("org.exportaudit.export.log_downloaded", CloudEvent.type(AuditKind.EXPORT_LOG_DOWNLOADED));
        Set<String> types = new HashSet<>();
        for (AuditKind kind : EnumSet.allOf(AuditKind.class)) {
            assertEquals(true, types.add(CloudEvent.type(kind)), kind + " has a type of its own");
        }
    }

    private static JsonObject parsed(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
