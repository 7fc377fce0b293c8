package org.exportaudit.export.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.exportaudit.client.ExportRefused;

/**
 * A named set of records that can be exported, as its declaration says: a read-only query on a
 * datasource, and its columns. Filters are equality filters on declared columns; their values are
 * always bound as parameters, and only declared column names, checked when the declaration was
 * read, ever reach the SQL.
 */
public record Source(String key, String label, String datasource, String sql, String orderBy, List<Column> columns) {

    public Source {
        columns = List.copyOf(columns);
    }

    public String countQuery(Map<String, String> filters) {
        return "SELECT COUNT(*) FROM (" + sql + ") source" + where(filters, parameter -> "?");
    }

    /** The declared columns in order, filtered, in the declared order of records. */
    public String selectQuery(Map<String, String> filters) {
        return selectQuery(filters, parameter -> "?");
    }

    /**
     * The same query with each filter value written by {@code parameter} (numbered from 1): for
     * databases that take parameters otherwise, such as PostgreSQL's COPY.
     */
    public String selectQuery(Map<String, String> filters, IntFunction<String> parameter) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        return "SELECT " + names + " FROM (" + sql + ") source" + where(filters, parameter)
                + " ORDER BY source." + orderBy;
    }

    /** The filter values, in the order of the queries' placeholders. */
    public List<String> filterValues(Map<String, String> filters) {
        return new ArrayList<>(declared(filters).values());
    }

    /**
     * Filters compare a column's value as text with the text the caller gave, whatever the
     * column's type: a number, a date or a code is matched as it is exported, and no database
     * refuses to compare a typed column with a text parameter.
     */
    private static String asText(String column) {
        return "CAST(" + column + " AS VARCHAR(4000))";
    }

    public boolean declares(String column) {
        return columns.stream().anyMatch(declared -> declared.name().equals(column));
    }

    private String where(Map<String, String> filters, IntFunction<String> parameter) {
        List<String> checked = new ArrayList<>(declared(filters).keySet());
        if (checked.isEmpty()) {
            return "";
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            conditions.add(asText(checked.get(i)) + " = " + parameter.apply(i + 1));
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    /** The filters sorted by column, once every column is known to be declared. */
    private Map<String, String> declared(Map<String, String> filters) {
        Map<String, String> sorted = new TreeMap<>(filters == null ? Map.of() : filters);
        for (Map.Entry<String, String> filter : sorted.entrySet()) {
            if (!declares(filter.getKey())) {
                throw new ExportRefused("undeclared-filter", "The source " + key + " has no column '"
                        + filter.getKey() + "' to filter on. Its columns: "
                        + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ".");
            }
            if (filter.getValue() == null) {
                throw new ExportRefused("undeclared-filter", "The filter on '" + filter.getKey() + "' needs a value.");
            }
        }
        return sorted;
    }
}
