package org.exportaudit.export.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.exportaudit.export.encoder.RecordFile;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.Source;

/**
 * Exports' files written at once, outside the batch job, with the job's own pieces: the source's
 * query, {@link RecordFile}, the partial file published into the export folder. For the demo's
 * history, whose completed exports still within the download window must download: it reads each
 * source once (on H2 a filtered query of the 100,000 contacts takes a second or two, and the
 * history holds a dozen kinds of export) and filters in memory, for small files only — neither
 * resumable nor cancellable as the job is.
 */
@ApplicationScoped
public class FileAtOnce {

    /** What was written: the records, the file's size and its SHA-256, as the export completes with them. */
    public record Written(long records, long size, String sha256) {
    }

    @Inject
    SourceCatalog catalog;

    @Inject
    ExportFolder files;

    @Resource
    ManagedThreadFactory threads;

    /**
     * The file of {@code export} is a copy of the completed file of {@code same}, an export of the same
     * source, filters and format whose records have not changed since: the job would write the very
     * same bytes (XLSX entries carry a fixed time). Moved into place as a written file is.
     */
    public Written copy(Export export, Export same, Written written) {
        try {
            Files.copy(files.completed(same.id(), same.format()), files.partial(export.id()),
                    StandardCopyOption.REPLACE_EXISTING);
            files.publish(export.id(), export.format());
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the file of export " + export.id(), e);
        }
    }

    /**
     * One record of a source being read: its values are read from the cursor as they are asked for,
     * so that the many records that no export of the history selects cost a column or two each.
     */
    public static final class Record {

        private final ResultSet cursor;
        private final String[] values;
        private final boolean[] read;

        Record(ResultSet cursor, int width) {
            this.cursor = cursor;
            this.values = new String[width];
            this.read = new boolean[width];
        }

        /** The value of the column at {@code index} (from 0) as text, as the files have it. */
        public String value(int index) {
            if (!read[index]) {
                try {
                    values[index] = cursor.getString(index + 1);
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot read a record: " + e.getMessage(), e);
                }
                read[index] = true;
            }
            return values[index];
        }

        /** All its values, for a file. */
        public String[] values() {
            for (int index = 0; index < values.length; index++) {
                value(index);
            }
            return values.clone();
        }
    }

    /**
     * Reads every record of the source, in the order its exports write them, handing each to
     * {@code record} while it is the current one: one pass, so that the demo's history reads each
     * source once, however many exports of it it holds.
     */
    public void read(String sourceKey, Consumer<Record> record) {
        Source source = catalog.named(sourceKey);
        int width = source.columns().size();
        try (Connection connection = ((DataSource) new InitialContext().lookup(source.datasource())).getConnection();
                PreparedStatement select = connection.prepareStatement(source.selectQuery(Map.of()))) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false); // PostgreSQL streams a cursor only inside a transaction
            select.setFetchSize(5_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    record.accept(new Record(rows, width));
                }
            } finally {
                connection.rollback(); // it only read
            }
        } catch (SQLException | NamingException e) {
            throw new IllegalStateException("Cannot read the records of " + sourceKey + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a record that {@link #read} hands over passes the filters as an export's query
     * applies them to text columns: the value as text, equal.
     */
    public Predicate<Record> filter(String sourceKey, Map<String, String> filters) {
        Source source = catalog.named(sourceKey);
        source.filters(filters); // refuses filters on undeclared columns
        Map<Integer, String> values = new HashMap<>();
        filters.forEach((column, value) -> values.put(source.indexOf(column), value));
        return row -> values.entrySet().stream().allMatch(value -> value.getValue().equals(row.value(value.getKey())));
    }

    /**
     * Writes the file of {@code export} (already persisted, so with its id) from {@code records}, its
     * source's records that its filters select, in order, and moves it into place.
     */
    public Written write(Export export, List<String[]> records) {
        Source source = catalog.named(export.source());
        try {
            PartialFile out = files.openPartial(export.id());
            try (out) {
                RecordFile file = RecordFile.open(export.format(), out.stream(), source.columns(),
                        task -> threads.newThread(task).start());
                for (String[] record : records) {
                    file.write(record);
                }
                file.finish();
            }
            files.publish(export.id(), export.format()); // closed first: the whole file, or none
            return new Written(records.size(), out.size(), out.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the file of export " + export.id(), e);
        }
    }
}
