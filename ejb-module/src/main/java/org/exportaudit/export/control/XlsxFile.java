package org.exportaudit.export.control;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.zip.Deflater;
import java.util.zip.ZipOutputStream;
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
 */
final class XlsxFile implements RecordFile {

    static final int EXCEL_ROWS = 1_048_576;

    /** Characters a cell holds (UTF-16 code units, as Excel counts them). */
    static final int CELL_CHARACTERS = 32_767;

    /** The end of a text cut to fit a cell. */
    static final String TRUNCATED = "…[truncated]";

    /** Digits a spreadsheet's number keeps; a longer number stays text, so that no digit is lost. */
    private static final int SIGNIFICANT_DIGITS = 15;

    /** Fast compression: the sheet XML is repetitive, level 1 already shrinks it several times. */
    static final int DEFLATE_LEVEL = Deflater.BEST_SPEED;

    // The cell styles of styles.xml, by their index.
    private static final String HEADING = "1";
    private static final String HEADING_AS_TEXT = "2";
    private static final String AS_TEXT = "3";
    private static final String DATE = "4";
    private static final String TIMESTAMP = "5";

    // The markup of every row, encoded once.
    private static final byte[] ROW = ascii("<row>");
    private static final byte[] ROW_END = ascii("</row>");
    private static final byte[] EMPTY_CELL = ascii("<c/>");
    private static final byte[] NUMBER_CELL = ascii("<c><v>");
    private static final byte[] DATE_CELL = ascii("<c s=\"" + DATE + "\"><v>");
    private static final byte[] TIMESTAMP_CELL = ascii("<c s=\"" + TIMESTAMP + "\"><v>");
    private static final byte[] VALUE_END = ascii("</v></c>");
    private static final byte[] TEXT_CELL = ascii("<c t=\"inlineStr\"><is>");
    private static final byte[] TEXT_CELL_AS_TEXT = ascii("<c s=\"" + AS_TEXT + "\" t=\"inlineStr\"><is>");
    private static final byte[] TEXT = ascii("<t>");
    private static final byte[] TEXT_KEEPING_SPACES = ascii("<t xml:space=\"preserve\">");
    private static final byte[] TEXT_END = ascii("</t></is></c>");

    /** The ASCII characters that escape() writes its own way. */
    private static final boolean[] ESCAPED = new boolean[128];

    static {
        for (char c = 0; c < 0x20; c++) {
            ESCAPED[c] = c != '\t' && c != '\n';
        }
        for (char c : "&<>_".toCharArray()) {
            ESCAPED[c] = true;
        }
    }

    private final ZipOnThread zip;
    private final Utf8Buffer xml;
    private final Column.Type[] types;
    private final String[] labels;
    private final int rowsPerSheet;
    private int sheets;
    private int rowInSheet;
    private final CopyLineFields fields = new CopyLineFields();

    XlsxFile(OutputStream out, List<Column> columns, Executor compression) throws IOException {
        this(out, columns, compression, EXCEL_ROWS);
    }

    XlsxFile(OutputStream out, List<Column> columns, Executor compression, int rowsPerSheet) throws IOException {
        this(out, columns, compression, rowsPerSheet, DEFLATE_LEVEL);
    }

    /** With another deflate level, for bench/XlsxWriterBench.java to weigh size against time. */
    XlsxFile(OutputStream out, List<Column> columns, Executor compression, int rowsPerSheet, int deflateLevel)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        });
        zip.setLevel(deflateLevel);
        this.zip = new ZipOnThread(zip, compression);
        this.xml = new Utf8Buffer(this.zip.entry());
        this.types = columns.stream().map(Column::type).toArray(Column.Type[]::new);
        this.labels = columns.stream().map(Column::label).toArray(String[]::new);
        this.rowsPerSheet = rowsPerSheet;
        startSheet();
    }

    @Override
    public void write(String[] row) throws IOException {
        startRow();
        for (int column = 0; column < row.length; column++) {
            String value = row[column];
            if (value == null || value.isEmpty()) {
                xml.append(EMPTY_CELL);
                continue;
            }
            switch (types[column]) {
                case NUMBER -> {
                    if (isNumberCell(value)) {
                        xml.append(NUMBER_CELL).append(value).append(VALUE_END);
                    } else {
                        text(value, null, AS_TEXT);
                    }
                }
                case DATE -> {
                    long day = SerialDates.date(value);
                    if (day >= 0) {
                        xml.append(DATE_CELL).append(Long.toString(day)).append(VALUE_END);
                    } else {
                        text(value, null, AS_TEXT);
                    }
                }
                case TIMESTAMP -> {
                    double time = SerialDates.timestamp(value);
                    if (!Double.isNaN(time)) {
                        xml.append(TIMESTAMP_CELL).append(Double.toString(time)).append(VALUE_END);
                    } else {
                        text(value, null, AS_TEXT);
                    }
                }
                default -> text(value, null, AS_TEXT);
            }
        }
        xml.append(ROW_END);
        rowInSheet++;
    }

    private void startRow() throws IOException {
        if (rowInSheet == rowsPerSheet) {
            endSheet();
            startSheet();
        }
        // Cells carry no reference: each takes the next column, which keeps the sheet a third
        // smaller, and so faster to compress. An empty cell is written as <c/> to hold its place.
        xml.append(ROW);
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
            cell(column, fields.bytes(), fields.from(), fields.to());
        }
        xml.append(ROW_END);
        rowInSheet++;
    }

    /** The cell that write(String[]) writes for the text of these UTF-8 bytes (the current field's). */
    private void cell(int column, byte[] bytes, int from, int to) throws IOException {
        if (from == to) {
            xml.append(EMPTY_CELL);
            return;
        }
        switch (types[column]) {
            case NUMBER -> {
                if (isNumberCell(bytes, from, to)) {
                    xml.append(NUMBER_CELL).append(bytes, from, to).append(VALUE_END);
                } else {
                    text(bytes, from, to);
                }
            }
            case DATE -> {
                long day = SerialDates.date(fields.text());
                if (day >= 0) {
                    xml.append(DATE_CELL).append(Long.toString(day)).append(VALUE_END);
                } else {
                    text(bytes, from, to);
                }
            }
            case TIMESTAMP -> {
                double time = SerialDates.timestamp(fields.text());
                if (!Double.isNaN(time)) {
                    xml.append(TIMESTAMP_CELL).append(Double.toString(time)).append(VALUE_END);
                } else {
                    text(bytes, from, to);
                }
            }
            default -> text(bytes, from, to);
        }
    }

    /**
     * isNumberCell(String) of the bytes. A plain number of 15 characters or fewer without an exponent
     * has no more than 15 digits: a number cell without further counting.
     */
    private static boolean isNumberCell(byte[] bytes, int from, int to) {
        if (!PlainNumber.is(bytes, from, to)) {
            return false;
        }
        if (to - from <= SIGNIFICANT_DIGITS) {
            boolean exponent = false;
            for (int i = from; i < to && !exponent; i++) {
                exponent = bytes[i] == 'e' || bytes[i] == 'E';
            }
            if (!exponent) {
                return true;
            }
        }
        return isNumberCell(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)); // a plain number is ASCII
    }

    /**
     * text(String, null, AS_TEXT) of the UTF-8 bytes, copied as they are between the characters XML
     * needs written its own way. A text of more bytes than a cell holds characters may have to be cut,
     * counted in UTF-16 units: that rare one is decoded and takes the String path.
     */
    private void text(byte[] bytes, int from, int to) throws IOException {
        if (to - from > CELL_CHARACTERS) {
            text(new String(bytes, from, to - from, StandardCharsets.UTF_8), null, AS_TEXT);
            return;
        }
        // Every character that starts a formula is ASCII: the first byte tells.
        xml.append(SpreadsheetFormulas.startsLikeAFormula(bytes[from]) ? TEXT_CELL_AS_TEXT : TEXT_CELL);
        int last = to - 1;
        while (last > from && (bytes[last] & 0xC0) == 0x80) {
            last--; // back to the first byte of the last character
        }
        boolean keepSpaces = Character.isWhitespace(codePoint(bytes, from)) || Character.isWhitespace(codePoint(bytes, last));
        xml.append(keepSpaces ? TEXT_KEEPING_SPACES : TEXT);
        escape(bytes, from, to);
        xml.append(TEXT_END);
    }

    /**
     * The character whose UTF-8 starts at {@code i}, or -1 beyond U+FFFF: as a String's char, such a
     * character is a surrogate, which is no whitespace.
     */
    private static int codePoint(byte[] bytes, int i) {
        int first = bytes[i] & 0xFF;
        if (first < 0x80) {
            return first;
        } else if (first < 0xE0) {
            return (first & 0x1F) << 6 | bytes[i + 1] & 0x3F;
        } else if (first < 0xF0) {
            return (first & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F;
        }
        return -1;
    }

    /** escape(String, int) of UTF-8 bytes: U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
    private void escape(byte[] bytes, int from, int to) throws IOException {
        int copied = from;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            String escaped;
            int length = 1;
            if (b >= 0) {
                if (!ESCAPED[b]) {
                    continue;
                }
                escaped = switch (b) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '\r' -> "&#13;";
                    case '_' -> looksLikeAnEscape(bytes, i, to) ? "_x005F_" : null;
                    default -> String.format("_x%04X_", b); // the other controls
                };
                if (escaped == null) {
                    continue;
                }
            } else if (b == (byte) 0xEF && i + 2 < to && bytes[i + 1] == (byte) 0xBF
                    && (bytes[i + 2] == (byte) 0xBE || bytes[i + 2] == (byte) 0xBF)) {
                escaped = bytes[i + 2] == (byte) 0xBE ? "_xFFFE_" : "_xFFFF_";
                length = 3;
            } else {
                continue;
            }
            xml.append(bytes, copied, i).append(escaped);
            i += length - 1;
            copied = i + 1;
        }
        xml.append(bytes, copied, to);
    }

    /**
     * {@code _xHHHH_} at {@code i}, decided on the characters as looksLikeAnEscape(String…) does:
     * Character.digit takes digits beyond ASCII too. Seven UTF-16 units take at most 17 bytes.
     */
    private static boolean looksLikeAnEscape(byte[] bytes, int i, int to) {
        if (i + 1 >= to || bytes[i + 1] != 'x') {
            return false;
        }
        String next = new String(bytes, i, Math.min(to - i, 17), StandardCharsets.UTF_8);
        return looksLikeAnEscape(next, 0, next.length());
    }

    /**
     * A plain number that a spreadsheet holds without losing a digit: at most 15 significant
     * digits, within the range of a double.
     */
    static boolean isNumberCell(String value) {
        if (!PlainNumber.is(value)) {
            return false;
        }
        int exponent = Math.max(value.indexOf('e'), value.indexOf('E'));
        int mantissaEnd = exponent < 0 ? value.length() : exponent;
        int point = value.indexOf('.');
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
        if (significant > SIGNIFICANT_DIGITS || value.length() > 300) {
            return false;
        }
        if (exponent >= 0) {
            double number = Double.parseDouble(value);
            return number == 0 || Math.abs(number) >= 1e-307 && Math.abs(number) < 1e308;
        }
        return true;
    }

    @Override
    public void finish() throws IOException {
        endSheet();
        entry("[Content_Types].xml", contentTypes());
        entry("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>""");
        entry("xl/workbook.xml", workbook());
        entry("xl/_rels/workbook.xml.rels", workbookRelations());
        entry("xl/styles.xml", STYLES);
        zip.finish();
    }

    @Override
    public void abandon() throws IOException {
        zip.abandon();
    }

    private void startSheet() throws IOException {
        sheets++;
        zip.putNextEntry("xl/worksheets/sheet" + sheets + ".xml");
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
                + " activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        xml.append(columnWidths()).append("<sheetData>");
        xml.append("<row>");
        for (String label : labels) {
            text(label, HEADING, HEADING_AS_TEXT);
        }
        xml.append("</row>");
        rowInSheet = 1;
    }

    /** Date columns wide enough for their dates: a spreadsheet shows ### for a date that does not fit. */
    private String columnWidths() {
        StringBuilder widths = new StringBuilder();
        for (int column = 0; column < types.length; column++) {
            int width = switch (types[column]) {
                case DATE -> 11;
                case TIMESTAMP -> 20;
                default -> 0;
            };
            if (width > 0) {
                widths.append("<col min=\"").append(column + 1).append("\" max=\"").append(column + 1)
                        .append("\" width=\"").append(width).append("\" customWidth=\"1\"/>");
            }
        }
        return widths.isEmpty() ? "" : "<cols>" + widths + "</cols>";
    }

    private void endSheet() throws IOException {
        xml.append("</sheetData></worksheet>");
        xml.flush();
        zip.closeEntry();
    }

    /**
     * An inline string cell, of the style {@code style} (null for none), or {@code asText} when it
     * starts like a formula.
     */
    private void text(String value, String style, String asText) throws IOException {
        if (value.isEmpty()) {
            xml.append(style == null ? "<c/>" : "<c s=\"" + style + "\"/>");
            return;
        }
        String cellStyle = SpreadsheetFormulas.startsLikeAFormula(value) ? asText : style;
        if (cellStyle == null) {
            xml.append(TEXT_CELL);
        } else if (cellStyle.equals(AS_TEXT)) {
            xml.append(TEXT_CELL_AS_TEXT);
        } else {
            xml.append("<c s=\"" + cellStyle + "\" t=\"inlineStr\"><is>");
        }
        int end = value.length();
        boolean truncated = end > CELL_CHARACTERS;
        if (truncated) {
            end = CELL_CHARACTERS - TRUNCATED.length();
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--; // never half an emoji
            }
        }
        // Spreadsheets trim the ends of a text unless told to keep them.
        boolean keepSpaces = Character.isWhitespace(value.charAt(0))
                || !truncated && Character.isWhitespace(value.charAt(end - 1));
        xml.append(keepSpaces ? TEXT_KEEPING_SPACES : TEXT);
        escape(value, end);
        if (truncated) {
            xml.append(TRUNCATED);
        }
        xml.append(TEXT_END);
    }

    /**
     * XML-escapes a value up to {@code end}. A carriage return is written as a character reference,
     * which XML parsers keep (a literal one they turn into a line feed). Characters that XML 1.0
     * cannot hold are written as {@code _xHHHH_}, the escape of ECMA-376 (Part 1, 22.9.2.19) that
     * spreadsheets decode; an underscore that would read as the start of such an escape is itself
     * escaped ({@code _x005F_}), so a text is read back as it was.
     */
    private void escape(String value, int end) throws IOException {
        for (int i = xml.appendUntil(value, 0, end, ESCAPED); i < end; i = xml.appendUntil(value, i + 1, end, ESCAPED)) {
            char c = value.charAt(i);
            xml.append(switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\r' -> "&#13;";
                case '_' -> looksLikeAnEscape(value, i, end) ? "_x005F_" : "_";
                default -> String.format("_x%04X_", (int) c); // the other controls, U+FFFE, U+FFFF
            });
        }
    }

    /** {@code _xHHHH_} at {@code i}. */
    private static boolean looksLikeAnEscape(String value, int i, int end) {
        if (i + 7 > end || value.charAt(i + 1) != 'x' || value.charAt(i + 6) != '_') {
            return false;
        }
        for (int h = i + 2; h < i + 6; h++) {
            if (Character.digit(value.charAt(h), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String markup) {
        return markup.getBytes(StandardCharsets.US_ASCII);
    }

    private void entry(String name, String content) throws IOException {
        zip.putNextEntry(name);
        xml.append(content);
        xml.flush();
        zip.closeEntry();
    }

    /**
     * A minimal style sheet: Calibri 11, a bold heading, the quotePrefix style for text that starts
     * like a formula, ISO dates and timestamps, and the "Normal" cell style that readers look for.
     */
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>\
            <numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>""";

    private String contentTypes() {
        StringBuilder types = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int sheet = 1; sheet <= sheets; sheet++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(sheet)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return types.append("</Types>").toString();
    }

    private String workbook() {
        StringBuilder workbook = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (int sheet = 1; sheet <= sheets; sheet++) {
            workbook.append("<sheet name=\"Export").append(sheet == 1 ? "" : " " + sheet)
                    .append("\" sheetId=\"").append(sheet).append("\" r:id=\"rId").append(sheet).append("\"/>");
        }
        return workbook.append("</sheets></workbook>").toString();
    }

    private String workbookRelations() {
        StringBuilder relations = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int sheet = 1; sheet <= sheets; sheet++) {
            relations.append("<Relationship Id=\"rId").append(sheet)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"")
                    .append(" Target=\"worksheets/sheet").append(sheet).append(".xml\"/>");
        }
        return relations.append("<Relationship Id=\"rId").append(sheets + 1)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\"")
                .append(" Target=\"styles.xml\"/></Relationships>").toString();
    }
}
