package org.exportaudit.export.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.exportaudit.client.ExportRefused;

/**
 * A named set of records that can be exported, as its declaration says: a read-only query on a
 * datasource, and its columns. Filters are equality filters on declared columns; their values are
 * always bound as parameters, typed as their columns are declared (see {@link Filter}), and only
 * declared column names, checked when the declaration was read, ever reach the SQL. A source page's
 * view holds its source, and a view lives in the session that a cluster replicates: it is serializable.
 */
public record Source(String key, String label, String datasource, String sql, String orderBy, List<Column> columns,
        Map<String, String> labels) implements Serializable {

    public Source {
        columns = List.copyOf(columns);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A source whose label is the same in every language. */
    public Source(String key, String label, String datasource, String sql, String orderBy, List<Column> columns) {
        this(key, label, datasource, sql, orderBy, columns, Map.of());
    }

    /**
     * The label in {@code language}, where the declaration gives one ({@code "labels": {"sv": …}});
     * the declared {@code label} otherwise. Pages and mails use it; an exported file's headings keep
     * the declared labels, so that the same export is the same file whoever asks for it.
     */
    public String labelIn(Locale language) {
        return labels.getOrDefault(language.getLanguage(), label);
    }

    public String countQuery(Map<String, String> filters) {
        return "SELECT COUNT(*) FROM (" + sql + ") source" + where(filters, (number, filter) -> "?");
    }

    /** The declared columns in order, filtered, in the declared order of records. */
    public String selectQuery(Map<String, String> filters) {
        return selectQuery(filters, (number, filter) -> "?");
    }

    /**
     * The same query with each filter value written by {@code parameter}, given its number (from 1)
     * and its filter: for databases that take parameters otherwise, such as PostgreSQL's COPY.
     */
    public String selectQuery(Map<String, String> filters, BiFunction<Integer, Filter, String> parameter) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        return "SELECT " + names + " FROM (" + sql + ") source" + where(filters, parameter)
                + " ORDER BY " + order(false);
    }

    /**
     * The columns that order the records: {@code orderBy} names one or more declared columns, comma
     * separated, which together are unique and never null (a key, or a column then a key as the tie
     * breaker), so that a page can start after the last row of another (keyset paging).
     */
    public List<String> orderColumns() {
        return List.of(orderBy.split(",", -1)).stream().map(String::strip).toList();
    }

    /**
     * A page read by keyset: the records (or only their {@code orderBy} columns, {@code keysOnly})
     * in the declared order, or the reverse ({@code backward}), after the row whose {@code orderBy}
     * values are its first parameters ({@code bounded}), then {@code OFFSET ?} and {@code FETCH NEXT ?}.
     * An index on the {@code orderBy} columns serves it from where it starts, however deep.
     */
    public String keysetQuery(boolean bounded, boolean backward, boolean keysOnly) {
        String names = (keysOnly ? orderColumns().stream() : columns.stream().map(Column::name))
                .collect(Collectors.joining(", "));
        String after = "";
        if (bounded) {
            List<String> keys = orderColumns();
            after = " WHERE (" + keys.stream().map(key -> "source." + key).collect(Collectors.joining(", ")) + ")"
                    + (backward ? " < (" : " > (") + keys.stream().map(key -> "?").collect(Collectors.joining(", "))
                    + ")";
        }
        return "SELECT " + names + " FROM (" + sql + ") source" + after + " ORDER BY " + order(backward)
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    }

    private String order(boolean backward) {
        return orderColumns().stream().map(key -> "source." + key + (backward ? " DESC" : ""))
                .collect(Collectors.joining(", "));
    }

    /**
     * The filters in the order of the queries' placeholders, each value read as its column's type.
     *
     * @throws ExportRefused for a filter on an undeclared column, without a value, or with a value
     *         that is not of its column's type
     */
    public List<Filter> filters(Map<String, String> filters) {
        List<Filter> typed = new ArrayList<>();
        declared(filters).forEach((name, value) -> typed.add(Filter.of(column(name), value)));
        return typed;
    }

    public boolean declares(String column) {
        return columns.stream().anyMatch(declared -> declared.name().equals(column));
    }

    /** Where a declared column is among the columns, from 0; -1 for an undeclared one. */
    public int indexOf(String column) {
        return columns.stream().map(Column::name).toList().indexOf(column);
    }

    private Column column(String name) {
        return columns.stream().filter(declared -> declared.name().equals(name)).findFirst().orElseThrow();
    }

    private String where(Map<String, String> filters, BiFunction<Integer, Filter, String> parameter) {
        List<Filter> typed = filters(filters);
        if (typed.isEmpty()) {
            return "";
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            conditions.add(typed.get(i).condition(parameter.apply(i + 1, typed.get(i))));
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    /** The filters sorted by column, once every column is known to be declared. */
    private Map<String, String> declared(Map<String, String> filters) {
        Map<String, String> sorted = new TreeMap<>(filters == null ? Map.of() : filters);
        for (Map.Entry<String, String> filter : sorted.entrySet()) {
            if (!declares(filter.getKey())) {
                throw new ExportRefused("undeclared-filter", "filter.undeclared", key, filter.getKey(),
                        columns.stream().map(Column::name).collect(Collectors.joining(", ")));
            }
            if (filter.getValue() == null) {
                throw new ExportRefused("undeclared-filter", "filter.no-value", filter.getKey());
            }
        }
        return sorted;
    }
}
