package org.exportaudit.export.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8: CRLF between records, a field quoted only when it holds a comma, a
 * quote, CR or LF, quotes doubled. No byte-order mark: PostgreSQL's COPY and most parsers would
 * read it as part of the first heading.
 */
final class CsvFile implements RecordFile {

    private final Utf8Buffer out;

    CsvFile(OutputStream stream, List<Column> columns) throws IOException {
        this.out = new Utf8Buffer(stream);
        write(columns.stream().map(Column::label).toArray(String[]::new));
    }

    @Override
    public void write(String[] row) throws IOException {
        for (int column = 0; column < row.length; column++) {
            if (column > 0) {
                out.append(',');
            }
            field(SpreadsheetFormulas.neutralise(row[column]));
        }
        out.append('\r').append('\n');
    }

    /** RFC 4180 ends records with CRLF; COPY ends them with LF alone. */
    @Override
    public void writeCsvLine(byte[] line) throws IOException {
        int length = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        out.append(line, length).append('\r').append('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void field(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            out.append(value);
            return;
        }
        out.append('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            out.append(value, from, quote + 1).append('"');
            from = quote + 1;
        }
        out.append(value, from, value.length()).append('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
