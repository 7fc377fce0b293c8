package org.exportaudit.export.control;

import org.exportaudit.export.entity.Column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.export.entity.Filter;
import org.exportaudit.export.entity.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SourceCatalogTest {

    private static Map<String, Source> bundled() {
        return SourceCatalog.read(new InputStreamReader(
                SourceCatalogTest.class.getClassLoader().getResourceAsStream("export-sources.json"), StandardCharsets.UTF_8));
    }

    @Test
    void the_demo_declares_contacts_companies_and_deals() {
        Map<String, Source> sources = bundled();

        assertEquals(List.of("contacts", "companies", "deals"), List.copyOf(sources.keySet()));
        int width = sources.get("contacts").columns().size();
        assertTrue(width >= 15 && width <= 20, "contacts has " + width + " columns");
    }

    @Test
    void a_source_survives_serialization_as_a_replicated_session_holds_it() throws Exception {
        Source contacts = bundled().get("contacts");
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(contacts); // a source page's view holds its source (SourceIndex)
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(contacts, in.readObject());
        }
    }

    @Test
    void filters_become_placeholders_in_column_order_and_values_stay_out_of_the_sql() {
        Source contacts = bundled().get("contacts");
        Map<String, String> filters = Map.of("country", "Austria'; DROP TABLE x --", "city", "Vienna");

        String select = contacts.selectQuery(filters);

        assertTrue(select.endsWith(" source WHERE CAST(city AS VARCHAR(4000)) = ?"
                + " AND CAST(country AS VARCHAR(4000)) = ? ORDER BY source.id"), select);
        assertEquals(List.of("Vienna", "Austria'; DROP TABLE x --"),
                contacts.filters(filters).stream().map(Filter::value).toList());
        assertTrue(contacts.countQuery(filters).startsWith("SELECT COUNT(*) FROM ("));
    }

    @Test
    void number_and_date_filters_compare_the_bare_column_with_a_typed_value() {
        Source contacts = bundled().get("contacts");
        Map<String, String> filters = Map.of("lead_score", "42", "created_on", "2023-03-01", "country", "Austria");

        String select = contacts.selectQuery(filters);
        String copy = contacts.selectQuery(filters, (number, filter) -> "$" + number + "::" + filter.sqlType());

        assertTrue(select.endsWith(" source WHERE CAST(country AS VARCHAR(4000)) = ? AND created_on = ?"
                + " AND lead_score = ? ORDER BY source.id"), select);
        assertTrue(copy.endsWith(" source WHERE CAST(country AS VARCHAR(4000)) = $1::VARCHAR(4000)"
                + " AND created_on = $2::DATE AND lead_score = $3::BIGINT ORDER BY source.id"), copy);
        assertEquals(List.of("Austria", LocalDate.of(2023, 3, 1), 42L),
                contacts.filters(filters).stream().map(Filter::value).toList());
    }

    @Test
    void a_value_not_of_its_columns_type_is_refused_whichever_query_is_asked_for() {
        Source contacts = bundled().get("contacts");
        Map<String, String> filters = Map.of("lead_score", "abc");

        for (Executable query : List.<Executable>of(() -> contacts.filters(filters),
                () -> contacts.countQuery(filters), () -> contacts.selectQuery(filters))) {
            ExportRefused refused = assertThrows(ExportRefused.class, query);
            assertEquals("invalid-filter", refused.reason());
            assertTrue(refused.getMessage().contains("'lead_score'"), refused.getMessage());
        }
    }

    @Test
    void a_filter_on_an_undeclared_column_is_refused() {
        ExportRefused refused = assertThrows(ExportRefused.class,
                () -> bundled().get("contacts").selectQuery(Map.of("password", "x")));

        assertEquals("undeclared-filter", refused.reason());
        assertTrue(refused.getMessage().contains("password"));
    }

    @Test
    void a_declared_column_that_is_not_an_identifier_is_refused_when_read() {
        String declaration = """
                {"sources": [{"key": "x", "label": "X", "datasource": "java:/ds", "sql": "SELECT 1 AS id",
                  "orderBy": "id", "columns": [{"name": "id; DROP TABLE x"}]}]}""";

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SourceCatalog.read(new StringReader(declaration)));
        assertTrue(refused.getMessage().contains("id; DROP TABLE x"));
    }

    @Test
    void columns_declare_their_type_text_by_default() {
        String declaration = """
                {"sources": [{"key": "x", "label": "X", "datasource": "java:/ds", "sql": "SELECT 1 AS id",
                  "orderBy": "id", "columns": [{"name": "id", "type": "number"}, {"name": "a"},
                  {"name": "b", "type": "date"}, {"name": "c", "type": "timestamp"}, {"name": "d", "type": "text"}]}]}""";

        List<Column.Type> types = SourceCatalog.read(new StringReader(declaration)).get("x").columns().stream()
                .map(Column::type).toList();

        assertEquals(List.of(Column.Type.NUMBER, Column.Type.TEXT, Column.Type.DATE, Column.Type.TIMESTAMP,
                Column.Type.TEXT), types);
        assertEquals(Column.Type.DATE, bundled().get("deals").columns().get(7).type(), "close_date");
    }

    @Test
    void labels_in_other_languages_name_sources_and_columns_for_people_and_the_declared_label_stays_the_files() {
        Source contacts = bundled().get("contacts");
        Locale swedish = Locale.forLanguageTag("sv-SE");

        assertEquals("Kontakter", contacts.labelIn(swedish));
        assertEquals("Contacts", contacts.labelIn(Locale.ENGLISH));
        assertEquals("Contacts", contacts.labelIn(Locale.GERMAN), "a language not declared: the declared label");
        assertEquals("Förnamn", contacts.columns().get(1).labelIn(swedish));
        assertEquals("First name", contacts.columns().get(1).label(), "the file's heading");
        bundled().values().forEach(source -> source.columns().forEach(column ->
                assertTrue(column.labels().containsKey("sv"), source.key() + "." + column.name() + " has a Swedish label")));
    }

    @Test
    void labels_that_are_not_texts_by_language_are_refused_when_read() {
        for (String labels : List.of("{\"swedish\": \"Kontakter\"}", "{\"sv\": 1}", "{\"sv\": \" \"}", "\"Kontakter\"")) {
            String declaration = """
                    {"sources": [{"key": "x", "label": "X", "labels": %s, "datasource": "java:/ds",
                      "sql": "SELECT 1 AS id", "orderBy": "id", "columns": [{"name": "id"}]}]}""".formatted(labels);

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SourceCatalog.read(new StringReader(declaration)), labels);
            assertTrue(refused.getMessage().contains("labels of x"), refused.getMessage());
        }
    }

    @Test
    void an_unknown_type_or_the_old_numeric_flag_is_refused_when_read() {
        for (String column : List.of("{\"name\": \"id\", \"type\": \"money\"}", "{\"name\": \"id\", \"numeric\": true}")) {
            String declaration = """
                    {"sources": [{"key": "x", "label": "X", "datasource": "java:/ds", "sql": "SELECT 1 AS id",
                      "orderBy": "id", "columns": [%s]}]}""".formatted(column);

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SourceCatalog.read(new StringReader(declaration)));
            assertTrue(refused.getMessage().contains("'id'") && refused.getMessage().contains("number"),
                    refused.getMessage());
        }
    }

    @Test
    void an_order_by_names_one_or_more_declared_columns_each_once() {
        String declaration = """
                {"sources": [{"key": "x", "label": "X", "datasource": "java:/ds", "sql": "SELECT 1 AS id",
                  "orderBy": "%s", "columns": [{"name": "id", "type": "number"}, {"name": "day", "type": "date"}]}]}""";

        Source source = SourceCatalog.read(new StringReader(declaration.formatted("day, id"))).get("x");
        assertEquals(List.of("day", "id"), source.orderColumns());
        assertTrue(source.keysetQuery(true, true, true).contains(
                "WHERE (source.day, source.id) < (?, ?) ORDER BY source.day DESC, source.id DESC"),
                source.keysetQuery(true, true, true));
        assertTrue(source.selectQuery(Map.of()).endsWith(" ORDER BY source.day, source.id"));

        for (String bad : List.of("day, city", "id, id", "day,", "id; DROP TABLE x")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SourceCatalog.read(new StringReader(declaration.formatted(bad))), bad);
            assertTrue(refused.getMessage().contains("the source x"), refused.getMessage());
        }
    }
}
