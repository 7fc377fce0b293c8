package org.exportaudit.export.encoder;

import java.nio.charset.StandardCharsets;

/**
 * The fields of a record as PostgreSQL's COPY … (FORMAT csv, ENCODING 'UTF8') sent it, one after
 * the other, as UTF-8 bytes: a field is quoted when it holds a comma, a quote or a line break, or is
 * an empty string ({@code ""}); quotes inside are doubled. Each field is handed on where it lies in
 * the line, unless it had doubled quotes: then its bytes with each made one, in a buffer reused from
 * field to field. One instance reads one line at a time, so that an export makes no garbage per field.
 */
final class CopyLineFields {

    private byte[] line;
    private int end;
    /** Where the next field starts; beyond {@code end} once the last was read. */
    private int next;
    private byte[] unquoted = new byte[256];

    private byte[] bytes;
    private int from;
    private int to;
    private final AsciiChars text = new AsciiChars();

    /** Starts on a line, which may end in a line feed. */
    CopyLineFields of(byte[] line) {
        this.line = line;
        this.end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        this.next = 0;
        return this;
    }

    /** Moves to the next field; false after the last. A line has at least one field, empty or not. */
    boolean next() {
        if (next > end) {
            return false;
        }
        int i = next;
        bytes = line;
        if (i < end && line[i] == '"') {
            from = i + 1;
            boolean doubledQuotes = false;
            for (i = from; i < end; i++) {
                if (line[i] == '"') {
                    if (i + 1 < end && line[i + 1] == '"') {
                        doubledQuotes = true;
                        i++;
                    } else {
                        break;
                    }
                }
            }
            to = i++; // past the closing quote, to the comma
            if (doubledQuotes) {
                unquote();
            }
        } else {
            from = i;
            while (i < end && line[i] != ',') {
                i++;
            }
            to = i;
        }
        next = i < end ? i + 1 : end + 1;
        return true;
    }

    /** The field's bytes are {@code bytes()} from {@code from()} to {@code to()}; empty for a NULL and for "". */
    byte[] bytes() {
        return bytes;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    /**
     * The field as characters, for a date or a number read without a String made of it: a byte
     * beyond ASCII reads as a character that no date or number has, as the character it starts in
     * the String would. Valid until the next field.
     */
    CharSequence text() {
        return text;
    }

    private void unquote() {
        if (unquoted.length < to - from) {
            unquoted = new byte[Math.max(to - from, 2 * unquoted.length)];
        }
        int length = 0;
        for (int i = from; i < to; i++) {
            unquoted[length++] = line[i];
            if (line[i] == '"') {
                i++; // the quote's double
            }
        }
        bytes = unquoted;
        from = 0;
        to = length;
    }

    private final class AsciiChars implements CharSequence {

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[from + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
