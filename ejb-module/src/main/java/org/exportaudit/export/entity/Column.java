package org.exportaudit.export.entity;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * One column of a source as its declaration names it: the SQL column, the heading of the exported
 * file, and the type of its values, which decides how a file writes them.
 */
public record Column(String name, String label, Type type, Map<String, String> labels) implements Serializable {

    /**
     * What a column's values are. Values always arrive as the database's text; a value that does
     * not read as its column's type (a typo in a declaration, a date before 1900) is written as
     * text, never lost.
     */
    public enum Type {
        /** Written as text, guarded against formulas. */
        TEXT,
        /** Plain decimal numbers, written as numbers: a leading minus is a sign, not a formula. */
        NUMBER,
        /** {@code yyyy-mm-dd}: an XLSX date cell. */
        DATE,
        /** {@code yyyy-mm-dd hh:mm:ss[.fff][±hh[:mm]]}: an XLSX date-and-time cell, in UTC when it has an offset. */
        TIMESTAMP;

        /** The type a declaration names: text, number, date or timestamp. */
        public static Type named(String name) {
            for (Type type : values()) {
                if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown column type '" + name
                    + "': a column is text, number, date or timestamp");
        }
    }

    public Column {
        label = label == null ? "" : label;
        type = type == null ? Type.TEXT : type;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A column whose label is the same in every language. */
    public Column(String name, String label, Type type) {
        this(name, label, type, Map.of());
    }

    /** A text column. */
    public Column(String name, String label) {
        this(name, label, Type.TEXT);
    }

    /** The heading in {@code language} where the declaration gives one, as {@link Source#labelIn}. */
    public String labelIn(Locale language) {
        return labels.getOrDefault(language.getLanguage(), label);
    }
}
