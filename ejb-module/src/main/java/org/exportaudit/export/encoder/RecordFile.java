package org.exportaudit.export.encoder;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Executor;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.ExportFormat;

/**
 * One export file being written, row by row, in constant memory. The caller owns the stream:
 * {@link #finish()} completes the file and flushes, but does not close it.
 */
public interface RecordFile {

    /**
     * Starts a file of the format and writes its header row, the columns' labels. Formats that
     * compress do so on a thread from {@code threads}.
     */
    static RecordFile open(ExportFormat format, OutputStream out, List<Column> columns, Executor threads)
            throws IOException {
        return switch (format) {
            case CSV -> new CsvFile(out, columns);
            case XLSX -> new XlsxFile(out, columns, threads);
        };
    }

    /** One record: a value per column, null for SQL NULL. */
    void write(String[] row) throws IOException;

    /**
     * A record that the database already wrote as one CSV line in UTF-8, ending in a line feed
     * (PostgreSQL's COPY … (FORMAT csv)): the same cells as {@link #write(String[])} of its values,
     * with an empty field, quoted or not, as a NULL. Both files of the server take these; the
     * bench's stand-ins (bench/XlsxWriterBench.java) need not.
     */
    default void writeCsvLine(byte[] line) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no CSV lines");
    }

    void finish() throws IOException;

    /** The file will not be finished (the export stopped): let go of whatever it holds. */
    default void abandon() throws IOException {
        // nothing held
    }
}
