package org.exportaudit.export.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8: CRLF between records, a field quoted only when it holds a comma, a
 * quote, CR or LF, quotes doubled. No byte-order mark: PostgreSQL's COPY and most parsers would
 * read it as part of the first heading.
 */
final class CsvFile implements RecordFile {

    private final Writer out;

    CsvFile(OutputStream stream, List<Column> columns) throws IOException {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        write(columns.stream().map(Column::label).toArray(String[]::new));
    }

    @Override
    public void write(String[] row) throws IOException {
        for (int column = 0; column < row.length; column++) {
            if (column > 0) {
                out.write(',');
            }
            field(SpreadsheetFormulas.neutralise(row[column]));
        }
        out.write("\r\n");
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
            out.write(value);
            return;
        }
        out.write('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            out.write(value, from, quote + 1 - from);
            out.write('"');
            from = quote + 1;
        }
        out.write(value, from, value.length() - from);
        out.write('"');
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
