package org.exportaudit.export.encoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.exportaudit.export.entity.Column;

/**
 * The markup of an XLSX sheet, cell by cell, into its part's buffer. A cell's kind is decided
 * before (XlsxFile.kind); this writes it, from a String or from the UTF-8 bytes of a COPY field,
 * the same bytes either way. Cells carry no reference: each takes the next column, which keeps the
 * sheet a third smaller, and so faster to compress; an empty cell is written as {@code <c/>} to
 * hold its place.
 */
final class SheetXml {

    // The cell styles of XlsxPackage's styles.xml, by their index.
    private static final String HEADING = "1";
    private static final String HEADING_AS_TEXT = "2";
    private static final String AS_TEXT = "3";
    private static final String DATE = "4";
    private static final String TIMESTAMP = "5";

    // The markup of every row, encoded once.
    private static final byte[] ROW = ascii("<row>");
    private static final byte[] ROW_END = ascii("</row>");
    private static final byte[] EMPTY_CELL = ascii("<c/>");
    private static final byte[] EMPTY_HEADING = ascii("<c s=\"" + HEADING + "\"/>");
    private static final byte[] NUMBER_CELL = ascii("<c><v>");
    private static final byte[] DATE_CELL = ascii("<c s=\"" + DATE + "\"><v>");
    private static final byte[] TIMESTAMP_CELL = ascii("<c s=\"" + TIMESTAMP + "\"><v>");
    private static final byte[] VALUE_END = ascii("</v></c>");
    private static final byte[] TEXT_CELL = ascii("<c t=\"inlineStr\"><is>");
    private static final byte[] TEXT_CELL_AS_TEXT = ascii("<c s=\"" + AS_TEXT + "\" t=\"inlineStr\"><is>");
    private static final byte[] HEADING_CELL = ascii("<c s=\"" + HEADING + "\" t=\"inlineStr\"><is>");
    private static final byte[] HEADING_CELL_AS_TEXT = ascii("<c s=\"" + HEADING_AS_TEXT + "\" t=\"inlineStr\"><is>");
    private static final byte[] TEXT = ascii("<t>");
    private static final byte[] TEXT_KEEPING_SPACES = ascii("<t xml:space=\"preserve\">");
    private static final byte[] TEXT_END = ascii("</t></is></c>");

    /** The ASCII characters that are written their own way (see escape). */
    private static final boolean[] ESCAPED = new boolean[128];
    /** How each of them is written, but the underscore, which depends on what follows it. */
    private static final byte[][] ESCAPES = new byte[128][];
    private static final byte[] UNDERSCORE = ascii("_");
    private static final byte[] UNDERSCORE_ESCAPED = ascii("_x005F_");
    private static final byte[] U_FFFE = ascii("_xFFFE_");
    private static final byte[] U_FFFF = ascii("_xFFFF_");

    static {
        for (char c = 0; c < 0x20; c++) {
            ESCAPED[c] = c != '\t' && c != '\n';
            if (ESCAPED[c]) {
                ESCAPES[c] = ascii(String.format("_x%04X_", (int) c)); // the controls XML 1.0 cannot hold
            }
        }
        ESCAPES['\r'] = ascii("&#13;");
        ESCAPES['&'] = ascii("&amp;");
        ESCAPES['<'] = ascii("&lt;");
        ESCAPES['>'] = ascii("&gt;");
        for (char c : "&<>_".toCharArray()) {
            ESCAPED[c] = true;
        }
    }

    private final Utf8Buffer xml;
    private final Column.Type[] types;
    private final String[] labels;

    SheetXml(Utf8Buffer xml, Column.Type[] types, String[] labels) {
        this.xml = xml;
        this.types = types;
        this.labels = labels;
    }

    /** The sheet's start, up to and with its header row: the labels, bold, frozen above the rows. */
    void start() throws IOException {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
                + " activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        xml.append(columnWidths()).append("<sheetData>");
        xml.append("<row>");
        for (String label : labels) {
            if (label.isEmpty()) {
                xml.append(EMPTY_HEADING);
            } else {
                text(label, HEADING_CELL, HEADING_CELL_AS_TEXT);
            }
        }
        xml.append("</row>");
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

    void end() throws IOException {
        xml.append("</sheetData></worksheet>");
    }

    void startRow() throws IOException {
        xml.append(ROW);
    }

    void endRow() throws IOException {
        xml.append(ROW_END);
    }

    void empty() throws IOException {
        xml.append(EMPTY_CELL);
    }

    /** A number cell of a plain number, as it is written. */
    void number(String value) throws IOException {
        xml.append(NUMBER_CELL).append(value).append(VALUE_END);
    }

    /** number(String) of the ASCII bytes from {@code from} to {@code to}. */
    void number(byte[] bytes, int from, int to) throws IOException {
        xml.append(NUMBER_CELL).append(bytes, from, to).append(VALUE_END);
    }

    /** A date: its serial day (see SerialDates), with the date style. */
    void date(long day) throws IOException {
        xml.append(DATE_CELL).append(Long.toString(day)).append(VALUE_END);
    }

    /** A timestamp: its serial day and time, with the timestamp style. */
    void timestamp(double time) throws IOException {
        xml.append(TIMESTAMP_CELL).append(Double.toString(time)).append(VALUE_END);
    }

    /** An inline string cell of a value that is not empty, with the quotePrefix style if it starts like a formula. */
    void text(String value) throws IOException {
        text(value, TEXT_CELL, TEXT_CELL_AS_TEXT);
    }

    /**
     * text(String) of the UTF-8 bytes, copied as they are between the characters XML needs written
     * its own way. A text of more bytes than a cell holds characters may have to be cut, counted in
     * UTF-16 units: that rare one is decoded and takes the String path.
     */
    void text(byte[] bytes, int from, int to) throws IOException {
        if (to - from > XlsxFile.CELL_CHARACTERS) {
            text(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            return;
        }
        // Every character that starts a formula is ASCII: the first byte tells.
        xml.append(SpreadsheetFormulas.startsLikeAFormula(bytes[from]) ? TEXT_CELL_AS_TEXT : TEXT_CELL);
        int last = to - 1;
        while (last > from && (bytes[last] & 0xC0) == 0x80) {
            last--; // back to the first byte of the last character
        }
        keepSpaces(Character.isWhitespace(codePoint(bytes, from)) || Character.isWhitespace(codePoint(bytes, last)));
        escape(bytes, from, to);
        xml.append(TEXT_END);
    }

    /**
     * An inline string cell that starts with the markup {@code cell}, or {@code cellAsText} (the
     * quotePrefix style) when the text starts like a formula. A text longer than a cell holds is cut
     * to end in XlsxFile.TRUNCATED.
     */
    private void text(String value, byte[] cell, byte[] cellAsText) throws IOException {
        xml.append(SpreadsheetFormulas.startsLikeAFormula(value) ? cellAsText : cell);
        int end = value.length();
        boolean truncated = end > XlsxFile.CELL_CHARACTERS;
        if (truncated) {
            end = XlsxFile.CELL_CHARACTERS - XlsxFile.TRUNCATED.length();
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--; // never half an emoji
            }
        }
        keepSpaces(Character.isWhitespace(value.charAt(0)) || !truncated && Character.isWhitespace(value.charAt(end - 1)));
        escape(value, end);
        if (truncated) {
            xml.append(XlsxFile.TRUNCATED);
        }
        xml.append(TEXT_END);
    }

    /** Spreadsheets trim the ends of a text unless told to keep them. */
    private void keepSpaces(boolean spaceAtAnEnd) throws IOException {
        xml.append(spaceAtAnEnd ? TEXT_KEEPING_SPACES : TEXT);
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
            if (c == '_') {
                xml.append(looksLikeAnEscape(value, i, end) ? UNDERSCORE_ESCAPED : UNDERSCORE);
            } else {
                xml.append(c < ESCAPES.length ? ESCAPES[c] : c == '\uFFFE' ? U_FFFE : U_FFFF);
            }
        }
    }

    /** escape(String, int) of UTF-8 bytes: U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
    private void escape(byte[] bytes, int from, int to) throws IOException {
        int copied = from;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            byte[] escaped;
            int length = 1;
            if (b >= 0) {
                if (!ESCAPED[b] || b == '_' && !looksLikeAnEscape(bytes, i, to)) {
                    continue;
                }
                escaped = b == '_' ? UNDERSCORE_ESCAPED : ESCAPES[b];
            } else if (b == (byte) 0xEF && i + 2 < to && bytes[i + 1] == (byte) 0xBF
                    && (bytes[i + 2] == (byte) 0xBE || bytes[i + 2] == (byte) 0xBF)) {
                escaped = bytes[i + 2] == (byte) 0xBE ? U_FFFE : U_FFFF;
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

    private static byte[] ascii(String markup) {
        return markup.getBytes(StandardCharsets.US_ASCII);
    }
}
