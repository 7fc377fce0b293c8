package org.exportaudit.export.control;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.exportaudit.export.entity.Source;
import org.exportaudit.export.entity.IndexPaging.Seek;
import org.exportaudit.export.entity.IndexPaging.Slice;

/**
 * Reads one {@link Seek} of a source's records by keyset on its {@code orderBy} columns. The rows
 * stepped over are read as their {@code orderBy} values only, which an index on them can give
 * without touching the records (PostgreSQL's index-only scan); the page then starts after the last
 * of them. The values are bound as the driver read them, so each compares as its own SQL type.
 */
public final class KeysetRead {

    private KeysetRead() {
    }

    /** @throws IllegalStateException when a row has no value in an {@code orderBy} column */
    public static Slice read(Connection connection, Source source, Seek seek) throws SQLException {
        Serializable[] from = seek.from();
        if (seek.skip() > 0) {
            List<Serializable[]> stepped = new ArrayList<>(1);
            read(connection, source, new Seek(from, seek.backward(), seek.skip() - 1, 1), true, null, stepped);
            if (stepped.isEmpty()) {
                return Slice.EMPTY; // fewer rows than counted: the page is past the end
            }
            from = stepped.get(0);
        }
        List<List<String>> rows = new ArrayList<>(seek.size());
        List<Serializable[]> keys = new ArrayList<>(seek.size());
        read(connection, source, new Seek(from, seek.backward(), 0, seek.size()), false, rows, keys);
        if (seek.backward()) {
            Collections.reverse(rows);
            Collections.reverse(keys);
        }
        return rows.isEmpty() ? Slice.EMPTY : new Slice(rows, keys.get(0), keys.get(keys.size() - 1));
    }

    private static void read(Connection connection, Source source, Seek seek, boolean keysOnly,
            List<List<String>> rows, List<Serializable[]> keys) throws SQLException {
        List<String> order = source.orderColumns();
        int[] keyColumns = new int[order.size()];
        for (int i = 0; i < keyColumns.length; i++) {
            keyColumns[i] = keysOnly ? i + 1 : source.indexOf(order.get(i)) + 1;
        }
        try (PreparedStatement select = connection.prepareStatement(
                source.keysetQuery(seek.from() != null, seek.backward(), keysOnly))) {
            int parameter = 1;
            if (seek.from() != null) {
                for (Serializable value : seek.from()) {
                    select.setObject(parameter++, value);
                }
            }
            select.setLong(parameter++, seek.skip());
            select.setInt(parameter, seek.size());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    keys.add(keys(source, result, keyColumns));
                    if (rows != null) {
                        List<String> row = new ArrayList<>(source.columns().size());
                        for (int column = 1; column <= source.columns().size(); column++) {
                            row.add(result.getString(column));
                        }
                        rows.add(row);
                    }
                }
            }
        }
    }

    private static Serializable[] keys(Source source, ResultSet result, int[] keyColumns) throws SQLException {
        Serializable[] keys = new Serializable[keyColumns.length];
        for (int i = 0; i < keyColumns.length; i++) {
            Object value = result.getObject(keyColumns[i]);
            if (!(value instanceof Serializable serializable)) {
                // a null would end every later page there: (a, b) > (null, 1) is never true
                throw new IllegalStateException("The source " + source.key() + " is ordered by '" + source.orderBy()
                        + "', which must identify each record and never be null: a record has "
                        + (value == null ? "no value" : "a value of type " + value.getClass().getName())
                        + " in '" + source.orderColumns().get(i) + "'. Declare an orderBy that ends with a key.");
            }
            keys[i] = serializable;
        }
        return keys;
    }
}
