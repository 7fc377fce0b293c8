package org.exportaudit.export.encoder;

/**
 * A number as databases write it as text: an optional minus, digits, an optional fraction and an
 * optional exponent ({@code -12}, {@code 0.50}, {@code 1.5E10}). Anything else in a numeric column —
 * {@code NaN}, {@code -Infinity}, {@code +1}, {@code -1+1} — is not a plain number, and is guarded
 * as text.
 */
final class PlainNumber {

    private PlainNumber() {
    }

    static boolean is(CharSequence text) {
        return !text.isEmpty() && end(text::charAt, 0, text.length()) == text.length();
    }

    /** Whether the bytes from {@code from} to {@code to} are a plain number (ASCII). */
    static boolean is(byte[] bytes, int from, int to) {
        return to > from && end(index -> bytes[index], from, to) == to;
    }

    private interface Chars {
        int at(int index);
    }

    /** Where the number that starts at {@code from} ends, or -1 if none starts there. */
    private static int end(Chars text, int from, int to) {
        int i = from;
        if (i < to && text.at(i) == '-') {
            i++;
        }
        int digits = i;
        i = digits(text, i, to);
        if (i == digits) {
            return -1;
        }
        if (i < to && text.at(i) == '.') {
            int fraction = ++i;
            i = digits(text, i, to);
            if (i == fraction) {
                return -1;
            }
        }
        if (i < to && (text.at(i) == 'e' || text.at(i) == 'E')) {
            i++;
            if (i < to && (text.at(i) == '-' || text.at(i) == '+')) {
                i++;
            }
            int exponent = i;
            i = digits(text, i, to);
            if (i == exponent) {
                return -1;
            }
        }
        return i;
    }

    private static int digits(Chars text, int from, int to) {
        int i = from;
        while (i < to && text.at(i) >= '0' && text.at(i) <= '9') {
            i++;
        }
        return i;
    }
}
