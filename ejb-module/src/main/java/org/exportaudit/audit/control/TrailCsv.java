package org.exportaudit.audit.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.exportaudit.audit.view.AuditRecordView;
import org.exportaudit.export.encoder.RecordFile;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.ExportFormat;

/**
 * The audit trail as a CSV file, written by the exports' own CSV writer: UTF-8, RFC 4180, a header
 * row, and every text cell that starts like a formula neutralised (SpreadsheetFormulas). A user
 * name or a detail is whatever someone typed, and whoever opens the file opens it in a spreadsheet.
 * The detail stays the record's JSON object, as the API gives it: readable, and parseable again.
 */
public final class TrailCsv {

    private static final List<Column> COLUMNS = List.of(
            new Column("seq", "Seq", Column.Type.NUMBER),
            new Column("at", "Time"),
            new Column("kind", "Kind"),
            new Column("user", "User"),
            new Column("export_id", "Export", Column.Type.NUMBER),
            new Column("detail", "Detail"),
            new Column("hash", "Hash"));

    private final RecordFile file;

    /** Starts the file, with its header row; the caller owns the stream. */
    public TrailCsv(OutputStream out) throws IOException {
        // a CSV file compresses nothing, so it never needs the threads an XLSX file takes
        this.file = RecordFile.open(ExportFormat.CSV, out, COLUMNS, Runnable::run);
    }

    public void write(AuditRecordView record) throws IOException {
        file.write(new String[] {
            Long.toString(record.seq()),
            record.at().toString(),
            record.kind(),
            record.user(),
            record.exportId() == null ? null : record.exportId().toString(),
            record.detail(),
            record.hash()});
    }

    /** Completes the file and flushes it; the stream stays open. */
    public void finish() throws IOException {
        file.finish();
    }
}
