package org.exportaudit.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.exportaudit.audit.view.AuditRecordView;
import org.junit.jupiter.api.Test;

class TrailCsvTest {

    private static final String HASH = "ab".repeat(32);

    private static String csv(AuditRecordView... records) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrailCsv csv = new TrailCsv(out);
        for (AuditRecordView record : records) {
            csv.write(record);
        }
        csv.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_record_is_one_rfc_4180_line_under_the_header_with_its_detail_as_json() throws Exception {
        String csv = csv(new AuditRecordView(42, "EXPORT_REQUESTED", "bob", 7L,
                "{\"source\":\"contacts\",\"fileName\":\"Zoë, \\\"quoted\\\".csv\"}",
                Instant.parse("2026-11-30T01:45:17.123456Z"), HASH));

        assertEquals("Seq,Time,Kind,User,Export,Detail,Hash\r\n"
                + "42,2026-11-30T01:45:17.123456Z,EXPORT_REQUESTED,bob,7,"
                + "\"{\"\"source\"\":\"\"contacts\"\",\"\"fileName\"\":\"\"Zoë, \\\"\"quoted\\\"\".csv\"\"}\"," + HASH
                + "\r\n", csv);
    }

    @Test
    void a_cell_that_starts_like_a_formula_is_neutralised_and_a_record_without_export_has_an_empty_cell()
            throws Exception {
        String csv = csv(new AuditRecordView(1, "FILE_DOWNLOADED", "=HYPERLINK(\"http://evil.example\")", null,
                "{}", Instant.parse("2026-11-30T00:00:00Z"), HASH),
                new AuditRecordView(2, "FILE_DOWNLOADED", "@SUM(A1)", null, "{}",
                        Instant.parse("2026-11-30T00:00:00Z"), HASH));

        String[] lines = csv.split("\r\n");
        assertEquals("1,2026-11-30T00:00:00Z,FILE_DOWNLOADED,\"'=HYPERLINK(\"\"http://evil.example\"\")\",,{}," + HASH,
                lines[1]);
        assertEquals("2,2026-11-30T00:00:00Z,FILE_DOWNLOADED,'@SUM(A1),,{}," + HASH, lines[2]);
    }
}
