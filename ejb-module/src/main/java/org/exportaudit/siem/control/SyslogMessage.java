package org.exportaudit.siem.control;

import java.nio.charset.StandardCharsets;

/**
 * An audit record as an RFC 5424 syslog message, framed for TCP by octet counting (RFC 6587 3.4.1:
 * the message's length in bytes, a space, the message — no delimiter that a message could contain):
 *
 * <pre>
 * &lt;85&gt;1 2026-11-30T01:45:16.123456Z node-1 export-audit - EXPORT_CANCELLED
 *     [exportaudit@32473 seq="12" user="alice" exportId="5"] BOM{"seq":12,"kind":"EXPORT_CANCELLED",…}
 * </pre>
 *
 * Facility authpriv (10: security messages that name users and addresses), severity notice (5: a
 * normal but significant condition), so PRI 85. APP-NAME {@value #APP_NAME}, MSGID the kind,
 * HOSTNAME this node. The structured data repeats what a SIEM filters on; the MSG is the record as
 * JSON ({@link StreamedRecord#data()}), UTF-8 with its BOM as RFC 5424 6.4 asks. 32473 is the
 * enterprise number RFC 5612 reserves for documentation: the product has none of its own, and
 * SD-IDs without one are for IANA's names only.
 */
public final class SyslogMessage {

    static final int PRI = 10 * 8 + 5;
    static final String APP_NAME = "export-audit";
    static final String SD_ID = "exportaudit@32473";
    private static final String BOM = "\uFEFF";

    private SyslogMessage() {
    }

    public static String of(StreamedRecord record, String hostname) {
        StringBuilder message = new StringBuilder(512)
                .append('<').append(PRI).append(">1 ")
                .append(StreamedRecord.timestamp(record.at())).append(' ')
                .append(header(hostname, 255)).append(' ')
                .append(APP_NAME).append(' ')
                .append("- ") // PROCID
                .append(header(record.kind().name(), 32)).append(' ')
                .append('[').append(SD_ID)
                .append(param("seq", Long.toString(record.seq())))
                .append(param("user", record.user()));
        if (record.exportId() != null) {
            message.append(param("exportId", Long.toString(record.exportId())));
        }
        return message.append("] ").append(BOM).append(record.data()).toString();
    }

    /** The message as it goes on the wire: {@code MSG-LEN SP SYSLOG-MSG}, the length counted in UTF-8 bytes. */
    public static byte[] framed(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        byte[] length = (bytes.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[length.length + bytes.length];
        System.arraycopy(length, 0, frame, 0, length.length);
        System.arraycopy(bytes, 0, frame, length.length, bytes.length);
        return frame;
    }

    /** A header field: printable US-ASCII without spaces (RFC 5424 6.2), anything else as '_'; "-" when empty. */
    static String header(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder field = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length() && field.length() < maxLength; i++) {
            char c = value.charAt(i);
            field.append(c > 32 && c < 127 ? c : '_');
        }
        return field.toString();
    }

    /** {@code SP PARAM-NAME="PARAM-VALUE"}, the value UTF-8 with '"', '\' and ']' escaped by '\' (RFC 5424 6.3.3). */
    static String param(String name, String value) {
        StringBuilder param = new StringBuilder(name.length() + value.length() + 4).append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                param.append('\\');
            }
            param.append(c);
        }
        return param.append('"').toString();
    }
}
