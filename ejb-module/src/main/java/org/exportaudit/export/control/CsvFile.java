package org.exportaudit.export.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.exportaudit.export.entity.Column;

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

    /**
     * Copies a line that PostgreSQL's COPY wrote, byte by byte: a quote goes in front of every
     * field that starts like a formula (after the opening double quote of a quoted field), and the
     * line ends with CRLF, as RFC 4180 has it, rather than COPY's LF.
     */
    @Override
    public void writeCsvLine(byte[] line) throws IOException {
        int end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        int copied = 0;
        boolean fieldStarts = true;
        boolean quoted = false;
        for (int i = 0; i < end; i++) {
            byte b = line[i];
            if (fieldStarts) {
                fieldStarts = false;
                int first = b == '"' ? i + 1 : i;
                if (first < end && startsLikeAFormula(line[first])) {
                    out.append(line, copied, first).append('\'');
                    copied = first;
                }
                if (b == '"') {
                    quoted = true;
                    continue;
                }
            }
            if (quoted) {
                if (b == '"') {
                    if (i + 1 < end && line[i + 1] == '"') {
                        i++; // an escaped quote inside the field
                    } else {
                        quoted = false;
                    }
                }
            } else if (b == ',') {
                fieldStarts = true;
            }
        }
        out.append(line, copied, end).append('\r').append('\n');
    }

    private static boolean startsLikeAFormula(byte b) {
        return b == '=' || b == '+' || b == '-' || b == '@' || b == '\t' || b == '\r';
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
