package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.exportaudit.export.control.ExportFolder;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.export.entity.Filter;
import org.exportaudit.export.entity.Source;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Filters on number and date columns, inside the server: exports are started through the REST API
 * as a user would, and what they hold is compared with the demo records that the test selects with
 * SQL of its own — the count and every record of the file, in CSV (PostgreSQL's COPY) and XLSX (the
 * JDBC cursor), and the count a governed request makes before it answers. A value that is not of
 * its column's type is refused and creates nothing.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class ExportFiltersIT {

    private static final String SOURCES = "java:jboss/datasources/ExportAuditSourcesDS";

    /** Where contacts' ids, lead scores and creation days are in their files. */
    private static final int ID = 0;
    private static final int LEAD_SCORE = 13;
    private static final int CREATED_ON = 15;

    @Inject
    SourceCatalog catalog;

    @Inject
    ExportFolder files;

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(ExportFiltersIT.class, Api.class, DemoRealm.class, XlsxSheet.class,
                CsvReadBack.class, Policies.class);
    }

    @Test
    void a_number_filter_exports_exactly_the_records_with_that_number() throws Exception {
        List<Long> expected = ids("SELECT id FROM crm_contact WHERE lead_score = 42 ORDER BY id");
        assertFalse(expected.isEmpty(), "the demo has contacts scored 42");

        for (String format : List.of("CSV", "XLSX")) {
            List<List<String>> rows = exported("contacts", format, Map.of("lead_score", "42"), expected.size());

            assertEquals(expected, idsOf(rows), format);
            assertTrue(rows.stream().allMatch(row -> new BigDecimal(row.get(LEAD_SCORE)).intValueExact() == 42), format);
        }
    }

    @Test
    void a_date_filter_exports_exactly_the_records_of_that_day() throws Exception {
        String day = text("SELECT created_on FROM crm_contact WHERE id = 7");
        List<Long> expected = ids("SELECT id FROM crm_contact WHERE created_on = (SELECT created_on FROM crm_contact"
                + " WHERE id = 7) ORDER BY id");
        assertTrue(expected.contains(7L), day);

        for (String format : List.of("CSV", "XLSX")) {
            List<List<String>> rows = exported("contacts", format, Map.of("created_on", day), expected.size());

            assertEquals(expected, idsOf(rows), format);
            assertTrue(rows.stream().allMatch(row -> row.get(CREATED_ON).equals(day)), format + ", " + day);
        }
    }

    @Test
    void number_date_and_text_filters_combine() throws Exception {
        String score = text("SELECT lead_score FROM crm_contact WHERE id = 7");
        String day = text("SELECT created_on FROM crm_contact WHERE id = 7");
        String country = text("SELECT country FROM crm_contact WHERE id = 7");
        List<Long> expected = ids("SELECT c.id FROM crm_contact c JOIN crm_contact seven ON seven.id = 7"
                + " WHERE c.lead_score = seven.lead_score AND c.created_on = seven.created_on"
                + " AND c.country = seven.country ORDER BY c.id");

        List<List<String>> rows = exported("contacts", "CSV",
                Map.of("lead_score", score, "created_on", day, "country", country), expected.size());

        assertEquals(expected, idsOf(rows));
        assertTrue(expected.contains(7L), expected.toString());
    }

    @Test
    void a_decimal_matches_the_number_however_many_zeros_it_is_written_with() throws Exception {
        BigDecimal amount = new BigDecimal(text("SELECT amount FROM crm_deal WHERE id = 7"));
        List<Long> expected = ids("SELECT id FROM crm_deal WHERE amount = (SELECT amount FROM crm_deal WHERE id = 7)"
                + " ORDER BY id");

        for (String written : List.of(amount.toPlainString(), amount.setScale(4).toPlainString())) {
            List<List<String>> rows = exported("deals", "CSV", Map.of("amount", written), expected.size());

            assertEquals(expected, idsOf(rows), written);
        }
    }

    @Test
    void a_governed_request_counts_the_typed_filter_before_it_answers() throws Exception {
        long expected = ids("SELECT id FROM crm_contact WHERE lead_score = 42").size();
        Policies policies = new Policies();
        try {
            policies.add("{\"source\": \"contacts\", \"action\": \"notify\", \"limit\": 10000000}");

            HttpResponse<String> accepted = Api.as("erin").post("exports", request("contacts", "CSV",
                    Map.of("lead_score", "42")));

            assertEquals(202, accepted.statusCode(), accepted.body());
            JsonObject export = Api.json(accepted);
            assertEquals(expected, export.getJsonNumber("records").longValue(), "counted before the answer");
            JsonObject ended = Api.as("erin").awaitEnd(export.getJsonNumber("id").longValue());
            assertEquals("COMPLETED", ended.getString("status"), ended.toString());
            assertEquals(expected, ended.getJsonNumber("records").longValue());
        } finally {
            policies.removeAll();
        }
    }

    @Test
    void a_value_not_of_its_columns_type_is_refused_with_400_and_creates_nothing() throws Exception {
        long before = exports();
        List<String[]> refusals = List.of(
                new String[] {"lead_score", "abc", "a number"},
                new String[] {"created_on", "2024-13-01", "yyyy-mm-dd"},
                new String[] {"created_on", "01.03.2024", "yyyy-mm-dd"});
        for (String[] refusal : refusals) {
            HttpResponse<String> refused = Api.as("bob").post("exports",
                    request("contacts", "CSV", Map.of(refusal[0], refusal[1], "country", "Austria")));

            assertEquals(400, refused.statusCode(), refused.body());
            JsonObject error = Api.json(refused);
            assertEquals("invalid-filter", error.getString("error"));
            String message = error.getString("message");
            assertTrue(message.contains("'" + refusal[0] + "'") && message.contains(refusal[2]), message);
        }
        assertEquals(before, exports(), "no export was created");
    }

    @Test
    void a_value_no_column_of_its_type_holds_is_refused_with_400_and_starts_nothing() throws Exception {
        long before = exports();
        List<String[]> refusals = List.of(
                new String[] {"id", "1".repeat(41), "9223372036854775807"},
                new String[] {"id", "99999999999999999999", "9223372036854775807"},
                new String[] {"created_on", "+10000-01-01", "9999-12-30"},
                new String[] {"created_on", "9999-12-31", "9999-12-30"},
                new String[] {"last_name", "Smith\u0000", "U+0000"});
        for (String[] refusal : refusals) {
            HttpResponse<String> refused = Api.as("bob").post("exports",
                    request("contacts", "CSV", Map.of(refusal[0], refusal[1])));

            assertEquals(400, refused.statusCode(), refused.body());
            JsonObject error = Api.json(refused);
            assertEquals("invalid-filter", error.getString("error"), refused.body());
            String message = error.getString("message");
            assertTrue(message.contains("'" + refusal[0] + "'") && message.contains(refusal[2]), message);
            assertFalse(message.contains("SELECT"), message);
        }
        assertEquals(before, exports(), "no export was created");
    }

    @Test
    void a_governed_request_with_a_number_no_column_holds_is_a_400_not_a_500() throws Exception {
        long before = exports();
        Policies policies = new Policies();
        try {
            policies.add("{\"source\": \"contacts\", \"action\": \"notify\", \"limit\": 10000000}");

            HttpResponse<String> refused = Api.as("erin").post("exports", request("contacts", "CSV",
                    Map.of("id", "1".repeat(41))));

            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("invalid-filter", Api.json(refused).getString("error"));
        } finally {
            policies.removeAll();
        }
        assertEquals(before, exports(), "no export was created");
    }

    @Test
    void a_file_name_of_a_windows_device_or_with_a_format_character_is_refused_and_starts_nothing() throws Exception {
        long before = exports();
        for (String name : new String[] {"CON", "nul.txt", "com1", "LPT9.csv", "\u202Egpj.exe"}) {
            HttpResponse<String> refused = Api.as("bob").post("exports", Json.createObjectBuilder()
                    .add("source", "contacts").add("format", "CSV").add("fileName", name).build().toString());

            assertEquals(400, refused.statusCode(), name + ": " + refused.body());
            assertEquals("invalid-file-name", Api.json(refused).getString("error"), refused.body());
            assertFalse(Api.json(refused).getString("message").contains("\u202E"), "the override is not quoted back");
        }
        assertEquals(before, exports(), "no export was created");
    }

    /** An index serves a number filter: the contacts' primary key, in PostgreSQL's plan and in H2's. */
    @Test
    void a_filter_on_the_id_is_served_by_the_primary_key() throws Exception {
        Source contacts = catalog.named("contacts");
        Map<String, String> filter = Map.of("id", "7");
        List<Filter> values = contacts.filters(filter);

        String plan;
        try (Connection connection = sources().getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + contacts.selectQuery(filter))) {
            for (int i = 0; i < values.size(); i++) {
                values.get(i).bind(explain, i + 1);
            }
            StringBuilder lines = new StringBuilder();
            try (ResultSet result = explain.executeQuery()) {
                while (result.next()) {
                    lines.append(result.getString(1)).append('\n');
                }
            }
            plan = lines.toString();
        }

        assertTrue(plan.contains("Index Scan using crm_contact_pkey on crm_contact")
                || plan.matches("(?s).*CRM_CONTACT C\\s+/\\* PUBLIC\\.PRIMARY_KEY_\\w+: ID .*"), plan);
    }

    /** Exports a source filtered, as erin, awaits its end, and answers its records as the file holds them. */
    private List<List<String>> exported(String source, String format, Map<String, String> filters, int records)
            throws Exception {
        Api erin = Api.as("erin");
        HttpResponse<String> accepted = erin.post("exports", request(source, format, filters));
        assertEquals(202, accepted.statusCode(), accepted.body());
        long id = Api.json(accepted).getJsonNumber("id").longValue();
        JsonObject ended = erin.awaitEnd(id);
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        assertEquals(records, ended.getJsonNumber("records").longValue(), format + " " + filters);

        int width = catalog.named(source).columns().size();
        ExportFormat written = ExportFormat.named(format);
        Path file = files.completed(id, written);
        List<List<String>> rows = written == ExportFormat.CSV ? CsvReadBack.read(file, width) : XlsxSheet.read(file, width);
        return rows.subList(1, rows.size()); // after the header
    }

    private static String request(String source, String format, Map<String, String> filters) {
        JsonObjectBuilder values = Json.createObjectBuilder();
        filters.forEach(values::add);
        return Json.createObjectBuilder().add("source", source).add("format", format).add("filters", values)
                .build().toString();
    }

    private static List<Long> idsOf(List<List<String>> rows) {
        return rows.stream().map(row -> new BigDecimal(row.get(ID)).longValueExact()).toList();
    }

    private static List<Long> ids(String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = sources().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }

    /** One value as the database writes it as text (a date yyyy-mm-dd, a decimal with its scale). */
    private static String text(String sql) throws Exception {
        try (Connection connection = sources().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet result = select.executeQuery()) {
            assertTrue(result.next(), sql);
            return result.getString(1);
        }
    }

    private long exports() {
        return em.createQuery("SELECT COUNT(e) FROM Export e", Long.class).getSingleResult();
    }

    private static DataSource sources() throws Exception {
        return (DataSource) new InitialContext().lookup(SOURCES);
    }
}
