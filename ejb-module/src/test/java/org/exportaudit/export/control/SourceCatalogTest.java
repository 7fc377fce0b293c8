package org.exportaudit.export.control;

import org.exportaudit.export.entity.Column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.export.entity.Source;
import org.junit.jupiter.api.Test;

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
    void filters_become_placeholders_in_column_order_and_values_stay_out_of_the_sql() {
        Source contacts = bundled().get("contacts");
        Map<String, String> filters = Map.of("country", "Austria'; DROP TABLE x --", "city", "Vienna");

        String select = contacts.selectQuery(filters);

        assertTrue(select.endsWith(" source WHERE CAST(city AS VARCHAR(4000)) = ?"
                + " AND CAST(country AS VARCHAR(4000)) = ? ORDER BY source.id"), select);
        assertEquals(List.of("Vienna", "Austria'; DROP TABLE x --"), contacts.filterValues(filters));
        assertTrue(contacts.countQuery(filters).startsWith("SELECT COUNT(*) FROM ("));
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
}
