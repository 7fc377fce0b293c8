package org.exportaudit.export.encoder;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.zip.Deflater;
import org.exportaudit.export.entity.Column;

/**
 * A streaming XLSX writer: the sheet's XML goes straight into the zip, row by row, with inline
 * strings, so memory stays constant however many rows and distinct values there are, and it is
 * compressed on a second thread while the rows are read. (Apache POI's XSSF builds the workbook in
 * memory. Its streaming SXSSF also keeps memory constant, with inline strings by default, but it
 * writes each sheet to a temporary file and zips it only when the workbook is written: every sheet
 * is written twice, and the compression cannot overlap the query. It would also bring some 13 MB of
 * jars into the EAR for what is a few hundred lines here.) A sheet holds at most 1,048,576 rows;
 * beyond that the export continues on sheets "Export 2", "Export 3", …, each with the header row.
 *
 * <p>Cells follow their column's type: numbers are numeric cells, dates and timestamps serial
 * numbers with a date style (see SerialDates), everything else inline text. Inline strings are
 * never evaluated, so text that starts like a formula is written as it is, with the
 * {@code quotePrefix} style that tells a spreadsheet to keep it text when a user edits the cell.
 * A text longer than a cell holds (32,767 characters) is cut to end in {@value #TRUNCATED}, so that
 * a spreadsheet opens the file without "repairing" it.
 *
 * <p>The rows come as Strings (JDBC) or as the UTF-8 lines of PostgreSQL's COPY; both are read by
 * one decision of each cell's kind ({@link #kind}), and SheetXml writes the kind from either, so
 * that the same rows make the same file, byte for byte, whichever way they came. The zip and its
 * other parts are XlsxPackage's.
 */
public final class XlsxFile implements RecordFile {

    public static final int EXCEL_ROWS = 1_048_576;

    /** Characters a cell holds (UTF-16 code units, as Excel counts them). */
    static final int CELL_CHARACTERS = 32_767;

    /** The end of a text cut to fit a cell. */
    static final String TRUNCATED = "…[truncated]";

    /** Digits a spreadsheet's number keeps; a longer number stays text, so that no digit is lost. */
    private static final int SIGNIFICANT_DIGITS = 15;

    /** Fast compression: the sheet XML is repetitive, level 1 already shrinks it several times. */
    static final int DEFLATE_LEVEL = Deflater.BEST_SPEED;

    /** What a value makes in its column. */
    private enum Kind { EMPTY, NUMBER, DATE, TIMESTAMP, TEXT }

    private final XlsxPackage workbook;
    private final SheetXml sheet;
    private final Column.Type[] types;
    private final int rowsPerSheet;
    private int rowInSheet;
    private final CopyLineFields fields = new CopyLineFields();
    /** The serial day or time of the last value kind() found a DATE or a TIMESTAMP: no object per cell. */
    private long day;
    private double time;

    public XlsxFile(OutputStream out, List<Column> columns, Executor compression) throws IOException {
        this(out, columns, compression, EXCEL_ROWS);
    }

    public XlsxFile(OutputStream out, List<Column> columns, Executor compression, int rowsPerSheet) throws IOException {
        this(out, columns, compression, rowsPerSheet, DEFLATE_LEVEL);
    }

    /** With another deflate level, for bench/XlsxWriterBench.java to weigh size against time. */
    public XlsxFile(OutputStream out, List<Column> columns, Executor compression, int rowsPerSheet, int deflateLevel)
            throws IOException {
        this.workbook = new XlsxPackage(out, compression, deflateLevel);
        this.types = columns.stream().map(Column::type).toArray(Column.Type[]::new);
        this.sheet = new SheetXml(workbook.xml(), types, columns.stream().map(Column::label).toArray(String[]::new));
        this.rowsPerSheet = rowsPerSheet;
        startSheet();
    }

    @Override
    public void write(String[] row) throws IOException {
        startRow();
        for (int column = 0; column < row.length; column++) {
            String value = row[column];
            switch (kind(types[column], value == null ? "" : value)) {
                case EMPTY -> sheet.empty();
                case NUMBER -> sheet.number(value);
                case DATE -> sheet.date(day);
                case TIMESTAMP -> sheet.timestamp(time);
                case TEXT -> sheet.text(value);
            }
        }
        endRow();
    }

    /**
     * A record as PostgreSQL's COPY … (FORMAT csv, ENCODING 'UTF8') sent it, written with exactly
     * the cells that {@link #write(String[])} writes for the same values, but from the line's
     * UTF-8 bytes (field by field, see CopyLineFields): the driver does not decode every value into
     * a String, nor the file encode it back. An empty string ({@code ""}) is an empty cell here, as a
     * NULL is.
     */
    @Override
    public void writeCsvLine(byte[] line) throws IOException {
        startRow();
        fields.of(line);
        for (int column = 0; fields.next(); column++) {
            // A byte beyond ASCII reads as a character that no number or date has, as in the String.
            switch (kind(types[column], fields.text())) {
                case EMPTY -> sheet.empty();
                case NUMBER -> sheet.number(fields.bytes(), fields.from(), fields.to());
                case DATE -> sheet.date(day);
                case TIMESTAMP -> sheet.timestamp(time);
                case TEXT -> sheet.text(fields.bytes(), fields.from(), fields.to());
            }
        }
        endRow();
    }

    /**
     * The kind of cell a value makes in a column of the type: the one decision for both inputs. A
     * date or a timestamp leaves its serial number in {@code day} or {@code time}.
     */
    private Kind kind(Column.Type type, CharSequence value) {
        if (value.length() == 0) {
            return Kind.EMPTY;
        }
        switch (type) {
            case NUMBER -> {
                return isNumberCell(value) ? Kind.NUMBER : Kind.TEXT;
            }
            case DATE -> {
                day = SerialDates.date(value);
                return day >= 0 ? Kind.DATE : Kind.TEXT;
            }
            case TIMESTAMP -> {
                time = SerialDates.timestamp(value);
                return Double.isNaN(time) ? Kind.TEXT : Kind.TIMESTAMP;
            }
            default -> {
                return Kind.TEXT;
            }
        }
    }

    /**
     * A plain number that a spreadsheet holds without losing a digit: at most 15 significant
     * digits, within the range of a double.
     */
    static boolean isNumberCell(CharSequence value) {
        if (!PlainNumber.is(value)) {
            return false;
        }
        int length = value.length();
        int point = -1;
        int exponent = -1;
        for (int i = 0; i < length && exponent < 0; i++) { // a plain number has one point at most, before its exponent
            char c = value.charAt(i);
            if (c == '.') {
                point = i;
            } else if (c == 'e' || c == 'E') {
                exponent = i;
            }
        }
        if (exponent < 0 && length <= SIGNIFICANT_DIGITS) {
            return true; // no more digits than characters: no need to count them
        }
        int mantissaEnd = exponent < 0 ? length : exponent;
        int integerEnd = point < 0 ? mantissaEnd : point;
        int first = value.charAt(0) == '-' ? 1 : 0;
        while (first < integerEnd && value.charAt(first) == '0') {
            first++; // leading zeros are no digits
        }
        int significant = integerEnd - first;
        if (point >= 0) {
            int last = mantissaEnd - 1;
            while (last > point && value.charAt(last) == '0') {
                last--; // nor are trailing zeros of a fraction
            }
            int fractionFrom = point + 1;
            if (significant == 0) {
                while (fractionFrom <= last && value.charAt(fractionFrom) == '0') {
                    fractionFrom++;
                }
            }
            significant += Math.max(0, last - fractionFrom + 1);
        }
        if (significant > SIGNIFICANT_DIGITS || length > 300) {
            return false;
        }
        if (exponent >= 0) {
            double number = Double.parseDouble(value.toString());
            return number == 0 || Math.abs(number) >= 1e-307 && Math.abs(number) < 1e308;
        }
        return true;
    }

    private void startRow() throws IOException {
        if (rowInSheet == rowsPerSheet) {
            endSheet();
            startSheet();
        }
        sheet.startRow();
    }

    private void endRow() throws IOException {
        sheet.endRow();
        rowInSheet++;
    }

    @Override
    public void finish() throws IOException {
        endSheet();
        workbook.finish();
    }

    @Override
    public void abandon() throws IOException {
        workbook.abandon();
    }

    private void startSheet() throws IOException {
        workbook.startSheet();
        sheet.start();
        rowInSheet = 1;
    }

    private void endSheet() throws IOException {
        sheet.end();
        workbook.endSheet();
    }
}
