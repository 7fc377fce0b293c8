package org.exportaudit.export.encoder;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.exportaudit.export.entity.Column;

/**
 * RFC 4180 CSV in UTF-8: CRLF between records, a field quoted only when it holds a comma, a
 * quote, CR or LF, quotes doubled. No byte-order mark: PostgreSQL's COPY and most parsers would
 * read it as part of the first heading. Text that starts like a formula gets a quote in front (see
 * SpreadsheetFormulas); a plain number in a number column is written as it is, minus and all.
 */
public final class CsvFile implements RecordFile {

    private final Utf8Buffer out;
    /** Per column: whether it holds numbers. */
    private final boolean[] numbers;

    CsvFile(OutputStream stream, List<Column> columns) throws IOException {
        this.out = new Utf8Buffer(stream);
        this.numbers = new boolean[columns.size()];
        for (int column = 0; column < numbers.length; column++) {
            numbers[column] = columns.get(column).type() == Column.Type.NUMBER;
        }
        for (int column = 0; column < columns.size(); column++) { // the labels are text, whatever their column
            if (column > 0) {
                out.append(',');
            }
            field(SpreadsheetFormulas.neutralise(columns.get(column).label()));
        }
        out.append('\r').append('\n');
    }

    @Override
    public void write(String[] row) throws IOException {
        for (int column = 0; column < row.length; column++) {
            if (column > 0) {
                out.append(',');
            }
            String value = row[column];
            field(isNumber(column, value) ? value : SpreadsheetFormulas.neutralise(value));
        }
        out.append('\r').append('\n');
    }

    /**
     * Copies a line that PostgreSQL's COPY wrote, byte by byte: a quote goes in front of every
     * field that starts like a formula (after the opening double quote of a quoted field), unless it
     * is a plain number in a number column (COPY never quotes numbers), and the line ends with CRLF,
     * as RFC 4180 has it, rather than COPY's LF.
     */
    @Override
    public void writeCsvLine(byte[] line) throws IOException {
        int end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        int copied = 0;
        boolean fieldStarts = true;
        boolean quoted = false;
        int column = 0;
        for (int i = 0; i < end; i++) {
            byte b = line[i];
            if (fieldStarts) {
                fieldStarts = false;
                int first = b == '"' ? i + 1 : i;
                if (first < end && SpreadsheetFormulas.startsLikeAFormula(line[first])
                        && !(b != '"' && isNumber(column, line, i, end))) {
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
                column++;
            }
        }
        out.append(line, copied, end).append('\r').append('\n');
    }

    private boolean isNumber(int column, String value) {
        return column < numbers.length && numbers[column] && value != null && PlainNumber.is(value);
    }

    /** Whether the unquoted field that starts at {@code from} is a plain number in a number column. */
    private boolean isNumber(int column, byte[] line, int from, int end) {
        if (column >= numbers.length || !numbers[column]) {
            return false;
        }
        int to = from;
        while (to < end && line[to] != ',') {
            to++;
        }
        return PlainNumber.is(line, from, to);
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
