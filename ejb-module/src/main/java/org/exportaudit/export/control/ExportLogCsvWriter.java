package org.exportaudit.export.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.exportaudit.export.encoder.RecordFile;
import org.exportaudit.export.encoder.SpreadsheetFormulas;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportFormat;

/**
 * The export log as a CSV file, written by the exports' own CSV writer: UTF-8, RFC 4180, a header
 * row, and every text cell that starts like a formula neutralised (SpreadsheetFormulas). A file
 * name and a user name are whatever someone typed, and whoever opens the file opens it in a
 * spreadsheet. The columns are the log page's, the source by its label.
 */
public final class ExportLogCsvWriter {

    private static final List<Column> COLUMNS = List.of(
            new Column("id", "Id", Column.Type.NUMBER),
            new Column("name", "Name"),
            new Column("source", "Source"),
            new Column("format", "Format"),
            new Column("records", "Records", Column.Type.NUMBER),
            new Column("user", "User"),
            new Column("date", "Date"),
            new Column("status", "Status"),
            new Column("ended", "Ended"),
            new Column("size", "Size", Column.Type.NUMBER));

    private final RecordFile file;

    /** Starts the file, with its header row; the caller owns the stream. */
    public ExportLogCsvWriter(OutputStream out) throws IOException {
        // a CSV file compresses nothing, so it never needs the threads an XLSX file takes
        this.file = RecordFile.open(ExportFormat.CSV, out, COLUMNS, Runnable::run);
    }

    /** One export, its source named by {@code sourceLabel}. */
    public void write(Export export, String sourceLabel) throws IOException {
        file.write(new String[] {
            export.id().toString(),
            export.fileName(),
            sourceLabel,
            export.format().name(),
            export.records() == null ? null : export.records().toString(),
            export.requestedBy(),
            export.requestedAt().toString(),
            export.status().name(),
            export.endedAt() == null ? null : export.endedAt().toString(),
            export.file().size() == null ? null : export.file().size().toString()});
    }

    /** Completes the file and flushes it; the stream stays open. */
    public void finish() throws IOException {
        file.finish();
    }
}
