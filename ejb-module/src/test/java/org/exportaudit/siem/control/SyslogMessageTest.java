package org.exportaudit.siem.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.exportaudit.audit.entity.AuditKind;
import org.junit.jupiter.api.Test;

class SyslogMessageTest {

    private static final Instant AT = Instant.parse("2026-11-30T01:45:16.123456Z");

    @Test
    void a_record_is_an_rfc_5424_message_from_export_audit_with_its_kind_as_msgid_and_the_record_as_json() {
        StreamedRecord record = new StreamedRecord(12, AuditKind.EXPORT_CANCELLED, "alice", 5L, "{}", AT, "ab".repeat(32));

        String message = SyslogMessage.of(record, "node-1");

        assertEquals("<85>1 2026-11-30T01:45:16.123456Z node-1 export-audit - EXPORT_CANCELLED"
                + " [exportaudit@32473 seq=\"12\" user=\"alice\" exportId=\"5\"] \uFEFF" + record.data(), message);
    }

    @Test
    void param_values_escape_quote_backslash_and_bracket_and_keep_other_characters() {
        StreamedRecord record = new StreamedRecord(3, AuditKind.POLICY_CREATED, "o\"b]r\\ien José", null, "{}", AT,
                "00".repeat(32));

        String message = SyslogMessage.of(record, "node 1\u00e9");

        assertTrue(message.contains(" [exportaudit@32473 seq=\"3\" user=\"o\\\"b\\]r\\\\ien José\"] \uFEFF{"), message);
        assertTrue(message.startsWith("<85>1 2026-11-30T01:45:16.123456Z node_1_ export-audit - POLICY_CREATED "),
                "header fields are printable ASCII without spaces: " + message);
    }

    @Test
    void an_empty_hostname_is_the_nil_value_and_long_header_fields_are_cut() {
        assertEquals("-", SyslogMessage.header("", 255));
        assertEquals("x".repeat(32), SyslogMessage.header("x".repeat(40), 32));
    }

    @Test
    void octet_counting_frames_count_utf8_bytes_not_characters() {
        String message = "<85>1 - - export-audit - X - \uFEFFJosé";

        byte[] framed = SyslogMessage.framed(message);

        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        assertEquals(message.length() + 3, bytes.length, "the BOM is 3 bytes (1 char), é 2 (1 char)");
        byte[] expected = (bytes.length + " " + message).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, framed);
    }
}
