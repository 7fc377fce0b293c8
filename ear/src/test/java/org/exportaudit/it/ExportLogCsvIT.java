package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The export log as a CSV download ({@code GET /exports/csv}), over HTTP with real tokens: a super
 * admin gets everyone's exports, an exporter their own, a user without a role 403 and no token 401;
 * the filters select exactly what the log's JSON lists, in its order; a file name that starts like a
 * formula comes out neutralised; each download is a record of the audit trail, in a chain that still
 * verifies. The test runs inside the server to give an export a name that no request could (a pipe),
 * as an older version or a host's own records might hold, and to wait for the trail (Trail).
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class ExportLogCsvIT {

    private static final String HOSTILE = "=cmd|' /C calc'!A0";
    private static final List<String> HEADER = List.of("Id", "Name", "Source", "Format", "Records", "User", "Date",
            "Status", "Ended", "Size");

    private Api alice;
    private Api bob;
    private Instant began;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(ExportLogCsvIT.class, Api.class, DemoRealm.class, Trail.class, Csv.class);
    }

    @BeforeEach
    void callers() throws Exception {
        alice = Api.as("alice");
        bob = Api.as("bob");
        began = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void super_admins_download_everyones_exports_exporters_their_own_others_nothing() throws Exception {
        long bobs = bob.start("companies", "CSV");
        long alices = alice.start("companies", "CSV");
        bob.awaitEnd(bobs);
        alice.awaitEnd(alices);
        String since = "from=" + began;

        HttpResponse<String> all = alice.get("exports/csv?" + since);
        assertEquals(200, all.statusCode(), all.body());
        assertEquals("text/csv;charset=UTF-8", all.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertTrue(all.headers().firstValue("Content-Disposition").orElseThrow()
                .matches("attachment; filename=\"export-log-[0-9-]+\\.csv\"; filename\\*=UTF-8''export-log-[0-9-]+\\.csv"),
                all.headers().toString());
        assertTrue(all.body().endsWith("\r\n"), "RFC 4180 lines");
        List<List<String>> rows = Csv.parse(all.body());
        assertEquals(HEADER, rows.get(0));
        assertEquals(ids(alice, since), ids(rows), "alice: the exports her log lists, newest first");
        assertTrue(ids(rows).containsAll(List.of(alices, bobs)), "hers and bob's");
        List<String> alicesRow = rows.stream().filter(row -> row.get(0).equals(Long.toString(alices))).findFirst()
                .orElseThrow();
        assertEquals(List.of("Companies", "CSV", "alice", "COMPLETED"),
                List.of(alicesRow.get(2), alicesRow.get(3), alicesRow.get(5), alicesRow.get(7)),
                "the source by its label, the format, the user, the status: " + alicesRow);

        List<List<String>> own = Csv.parse(bob.get("exports/csv?" + since).body());
        assertEquals(ids(bob, since), ids(own), "bob: his own log");
        assertTrue(ids(own).contains(bobs) && !ids(own).contains(alices), "his export, not alice's");
        assertTrue(own.subList(1, own.size()).stream().allMatch(row -> row.get(5).equals("bob")), own.toString());
        assertEquals(List.of(HEADER), Csv.parse(bob.get("exports/csv?user=alice&" + since).body()),
                "asking for alice's gives bob none of them");

        assertEquals(403, Api.as("carl").get("exports/csv").statusCode(), "carl has no export role");
        assertEquals(401, Api.anonymous().get("exports/csv").statusCode(), "no token");
    }

    @Test
    void the_filters_select_exactly_what_the_log_lists_and_bad_ones_are_refused() throws Exception {
        long companies = bob.start("companies", "CSV");
        long deals = bob.start("deals", "CSV");
        bob.awaitEnd(companies);
        bob.awaitEnd(deals);
        String to = Instant.now().plusMillis(1).toString();

        for (String filters : List.of("user=bob&source=companies&from=" + began + "&to=" + to,
                "user=bob&status=completed&from=" + began, "source=deals&from=" + began + "&to=" + to,
                "user=nobody-" + System.nanoTime())) {
            HttpResponse<String> csv = alice.get("exports/csv?" + filters);
            assertEquals(200, csv.statusCode(), filters + ": " + csv.body());
            assertEquals(ids(alice, filters), ids(Csv.parse(csv.body())), filters);
        }
        assertEquals(List.of(companies), ids(Csv.parse(alice.get("exports/csv?user=bob&source=companies&from="
                + began + "&to=" + to).body())));

        Trail.caughtUp();
        int downloads = audited(50).size();
        for (String[] refusal : List.of(new String[] {"status=EXPLODED", "unknown-status"},
                new String[] {"from=yesterday", "invalid-date"},
                new String[] {"from=2026-11-30&to=2026-11-29", "invalid-date-range"},
                new String[] {"user=" + "x".repeat(256), "filter-too-long"})) {
            HttpResponse<String> refused = alice.get("exports/csv?" + refusal[0]);
            assertEquals(400, refused.statusCode(), refusal[0] + ": " + refused.body());
            assertEquals(refusal[1], Api.json(refused).getString("error"), refused.body());
        }
        Trail.caughtUp();
        assertEquals(downloads, audited(50).size(), "a refused download is none");
    }

    @Test
    void a_name_that_starts_like_a_formula_is_neutralised_and_the_download_is_audited() throws Exception {
        long id = bob.start("companies", "CSV");
        bob.awaitEnd(id);
        rename(id, HOSTILE);

        HttpResponse<String> csv = alice.get("exports/csv?user=bob&source=companies&from=" + began);

        assertEquals(200, csv.statusCode(), csv.body());
        List<List<String>> rows = Csv.parse(csv.body());
        List<String> row = rows.stream().filter(cells -> cells.get(0).equals(Long.toString(id))).findFirst().orElseThrow();
        assertEquals("'" + HOSTILE, row.get(1), "shown as text, never run");
        Csv.assertNoCellStartsLikeAFormula(rows);

        Trail.caughtUp();
        JsonObject downloaded = audited(1).get(0);
        assertFalse(Instant.parse(downloaded.getString("at")).isBefore(began), downloaded.toString());
        JsonObject filters = downloaded.getJsonObject("detail").getJsonObject("filters");
        assertEquals("bob", filters.getString("user"), downloaded.toString());
        assertEquals("companies", filters.getString("source"), downloaded.toString());
        assertEquals(rows.size() - 1, downloaded.getJsonObject("detail").getInt("exports"), "and how many it listed");
        assertTrue(downloaded.isNull("exportId"), "a download of the log is about no one export");
        assertTrue(Api.json(alice.get("audit/verify")).getBoolean("valid"), "the chain takes the new kind");
    }

    /** The exports that the log's JSON lists for these filters, newest first. */
    private static List<Long> ids(Api caller, String filters) throws Exception {
        return Api.json(caller.get("exports?limit=200&" + filters)).getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().map(export -> export.getJsonNumber("id").longValue()).toList();
    }

    private static List<Long> ids(List<List<String>> rows) {
        return rows.subList(1, rows.size()).stream().map(row -> Long.valueOf(row.get(0))).toList();
    }

    /** alice's newest downloads of the log, as the audit trail lists them. */
    private List<JsonObject> audited(int limit) throws Exception {
        return Api.json(alice.get("audit?kind=EXPORT_LOG_DOWNLOADED&user=alice&limit=" + limit))
                .getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static void rename(long id, String name) throws Exception {
        DataSource database = (DataSource) new InitialContext().lookup("java:jboss/datasources/ExportAuditDS");
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE export SET file_name = ? WHERE id = ?")) {
            update.setString(1, name);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
