package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The export endpoints of the REST API, as scripts use them, on the demo records. */
@AsksTheDatabase
@DeployedOnce
class ExportApiIT {

    @Test
    void an_exporter_lists_the_sources_with_their_columns() throws Exception {
        HttpResponse<String> sources = Api.as("bob").get("sources");

        assertEquals(200, sources.statusCode(), sources.body());
        List<String> keys = DemoRealm.jsonArray(sources.body()).getValuesAs(JsonObject.class).stream()
                .map(source -> source.getString("key")).toList();
        // the demo's, then the test server's own (ear/src/test/resources/it-sources.json), in the order declared
        assertEquals(List.of("contacts", "companies", "deals", "slow", "lasting", "broken"), keys);
    }

    @Test
    void an_export_runs_to_completion_with_its_count_size_and_checksum() throws Exception {
        Api bob = Api.as("bob");

        HttpResponse<String> accepted = bob.post("exports", "{\"source\": \"companies\", \"format\": \"csv\"}");

        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject started = Api.json(accepted);
        assertEquals("PROCESSING", started.getString("status"));
        assertEquals("bob", started.getString("user"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals("companies-" + today + ".csv", started.getString("name"));
        long id = started.getJsonNumber("id").longValue();
        assertTrue(accepted.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/exports/" + id));

        JsonObject ended = bob.awaitEnd(id);
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        long records = ended.getJsonNumber("records").longValue();
        assertTrue(records > 1_000, "the demo has thousands of companies: " + records);
        assertEquals(records, ended.getJsonObject("progress").getJsonNumber("written").longValue());
        assertTrue(ended.getJsonNumber("fileSize").longValue() > records * 10);
        assertTrue(ended.getString("sha256").matches("[0-9a-f]{64}"), ended.getString("sha256"));
        assertTrue(ended.getBoolean("downloadable"));
    }

    @Test
    void a_filter_on_a_declared_column_narrows_the_export() throws Exception {
        Api erin = Api.as("erin");
        JsonObject all = erin.awaitEnd(id(erin.post("exports", "{\"source\": \"contacts\", \"format\": \"CSV\"}")));

        JsonObject filtered = erin.awaitEnd(id(erin.post("exports",
                "{\"source\": \"contacts\", \"format\": \"XLSX\", \"fileName\": \"Kontakte Österreich\","
                        + " \"filters\": {\"country\": \"Austria\"}}")));

        assertEquals("COMPLETED", filtered.getString("status"), filtered.toString());
        assertEquals("Kontakte Österreich.xlsx", filtered.getString("name"));
        long some = filtered.getJsonNumber("records").longValue();
        assertTrue(some > 0 && some < all.getJsonNumber("records").longValue(), some + " of " + all);
        assertWorkbookOfAustrians(filtered.getJsonNumber("id").longValue(), some);
    }

    /**
     * Apache POI, a reader that is not ours, opens the file as a workbook with no formula in it, and
     * formula-like texts with the quotePrefix style (no visible quote).
     */
    private static void assertWorkbookOfAustrians(long id, long records) throws Exception {
        Path file = Path.of(System.getProperty("export-audit.it.server"), "data/export-audit/exports", id + ".xlsx");
        // From a stream: a workbook opened from a File is saved back into it when closed.
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(records + 1, sheet.getPhysicalNumberOfRows());
            Row header = sheet.getRow(0);
            assertEquals("Contact ID", header.getCell(0).getStringCellValue());
            int country = 11;
            assertEquals("Country", header.getCell(country).getStringCellValue());
            for (int r = 1; r <= records; r++) {
                Row row = sheet.getRow(r);
                assertEquals("Austria", row.getCell(country).getStringCellValue());
                assertEquals(CellType.NUMERIC, row.getCell(0).getCellType(), "ids are numbers");
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType());
                    if (cell.getCellType() == CellType.STRING) {
                        String text = cell.getStringCellValue();
                        assertFalse(!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0
                                && !cell.getCellStyle().getQuotePrefixed(),
                                "row " + r + " holds a formula-like text without the quotePrefix style: " + text);
                    }
                }
            }
        }
    }

    @Test
    void filters_on_numbers_and_dates_match_the_values_as_exported() throws Exception {
        Api erin = Api.as("erin");
        for (String format : List.of("csv", "xlsx")) {
            JsonObject byScore = erin.awaitEnd(id(erin.post("exports", "{\"source\": \"contacts\", \"format\": \""
                    + format + "\", \"filters\": {\"lead_score\": \"42\", \"created_on\": \"2023-03-01\"}}")));

            assertEquals("COMPLETED", byScore.getString("status"), byScore.toString());
        }
        JsonObject deal = erin.awaitEnd(id(erin.post("exports",
                "{\"source\": \"deals\", \"format\": \"csv\", \"filters\": {\"id\": \"7\"}}")));
        assertEquals(1, deal.getJsonNumber("records").longValue(), deal.toString());
    }

    @Test
    void many_exports_at_once_all_complete() throws Exception {
        Api bob = Api.as("bob");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(id(bob.post("exports", "{\"source\": \"deals\", \"format\": \"" + (i % 2 == 0 ? "xlsx" : "csv") + "\"}")));
        }

        for (long id : ids) {
            assertEquals("COMPLETED", bob.awaitEnd(id).getString("status"), "export " + id);
        }
    }

    @Test
    void bad_requests_are_refused_with_a_clear_400() throws Exception {
        Api bob = Api.as("bob");
        List<String[]> refusals = List.of(
                new String[] {"{\"source\": \"salaries\", \"format\": \"csv\"}", "unknown-source"},
                new String[] {"{\"source\": \"contacts\", \"format\": \"pdf\"}", "unknown-format"},
                new String[] {"{\"source\": \"contacts\", \"format\": \"csv\", \"filters\": {\"password\": \"x\"}}",
                        "undeclared-filter"},
                new String[] {"{\"source\": \"contacts\", \"format\": \"csv\", \"fileName\": \"../../etc/passwd\"}",
                        "invalid-file-name"});
        for (String[] refusal : refusals) {
            HttpResponse<String> refused = bob.post("exports", refusal[0]);

            assertEquals(400, refused.statusCode(), refusal[0] + " → " + refused.body());
            JsonObject error = Api.json(refused);
            assertEquals(refusal[1], error.getString("error"));
            assertFalse(error.getString("message").isBlank());
        }
    }

    @Test
    void a_user_without_a_role_cannot_export() throws Exception {
        HttpResponse<String> refused = Api.as("carl").post("exports", "{\"source\": \"contacts\", \"format\": \"csv\"}");

        assertEquals(403, refused.statusCode());
        assertEquals(403, Api.as("carl").get("sources").statusCode());
    }

    @Test
    void an_exporter_cannot_cancel_and_an_ended_export_cannot_be_cancelled() throws Exception {
        Api bob = Api.as("bob");
        long id = id(bob.post("exports", "{\"source\": \"deals\", \"format\": \"csv\"}"));

        assertEquals(403, bob.post("exports/" + id + "/cancel", "").statusCode());

        assertEquals("COMPLETED", bob.awaitEnd(id).getString("status"));
        HttpResponse<String> tooLate = Api.as("alice").post("exports/" + id + "/cancel", "");
        assertEquals(409, tooLate.statusCode(), tooLate.body());
        assertEquals("not-in-progress", Api.json(tooLate).getString("error"));
        assertEquals("COMPLETED", Api.json(bob.get("exports/" + id)).getString("status"));
    }

    @Test
    void another_exporters_export_is_not_found_but_a_super_admin_sees_it() throws Exception {
        long id = id(Api.as("bob").post("exports", "{\"source\": \"deals\", \"format\": \"csv\"}"));

        HttpResponse<String> hidden = Api.as("erin").get("exports/" + id);
        assertEquals(404, hidden.statusCode());
        assertFalse(hidden.body().contains("deals"), hidden.body());

        HttpResponse<String> seen = Api.as("sam").get("exports/" + id);
        assertEquals(200, seen.statusCode());
        assertEquals("bob", Api.json(seen).getString("user"));
        assertEquals(404, Api.as("sam").get("exports/999999999").statusCode());
    }

    @Test
    void a_super_admin_cancels_a_running_export() throws Exception {
        Api alice = Api.as("alice");
        long id = id(Api.as("bob").post("exports", "{\"source\": \"contacts\", \"format\": \"xlsx\"}"));

        HttpResponse<String> cancelled = alice.post("exports/" + id + "/cancel", "");

        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", Api.json(cancelled).getString("status"));
        assertEquals("alice", Api.json(cancelled).getString("cancelledBy"));
        JsonObject after = alice.awaitEnd(id);
        assertEquals("CANCELLED", after.getString("status"));
        assertFalse(after.getBoolean("downloadable"));
    }

    private static long id(HttpResponse<String> accepted) {
        assertEquals(202, accepted.statusCode(), accepted.body());
        return Api.json(accepted).getJsonNumber("id").longValue();
    }
}
