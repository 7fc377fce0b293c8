package org.exportaudit.export.encoder;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes text as UTF-8 straight into a byte buffer and hands it on in large blocks. Writers and
 * encoders of the JDK pay a call, a lock and an encoder round trip for every small string; an
 * export writes tens of millions of them.
 */
final class Utf8Buffer {

    private static final int SIZE = 1 << 16;

    private final OutputStream out;
    /** Three bytes of slack: a surrogate pair at the end of a run may go past SIZE (see appendUntil). */
    private final byte[] bytes = new byte[SIZE + 3];
    private int length;

    Utf8Buffer(OutputStream out) {
        this.out = out;
    }

    Utf8Buffer append(String text) throws IOException {
        return append(text, 0, text.length());
    }

    Utf8Buffer append(String text, int from, int to) throws IOException {
        appendUntil(text, from, to, null);
        return this;
    }

    /**
     * Appends the text from {@code from} up to the first ASCII character that {@code stop} marks (or,
     * with a {@code stop}, the noncharacters U+FFFE and U+FFFF, which XML cannot hold), and returns
     * that character's index, or {@code to}: the caller writes such characters its own way, and the
     * text is read once, not once to find them and again to encode it.
     */
    int appendUntil(String text, int from, int to, boolean[] stop) throws IOException {
        byte[] bytes = this.bytes;
        int length = this.length;
        int i = from;
        try {
            while (i < to) {
                if (length > SIZE - 4) {
                    this.length = length;
                    drain();
                    length = 0;
                }
                // As many characters as surely fit at 3 bytes each need no check of their own (a
                // surrogate pair, 4 bytes for two characters, may reach into the slack at the end).
                int end = Math.min(to, i + (SIZE - length) / 3);
                for (; i < end; i++) {
                    char c = text.charAt(i);
                    if (c < 0x80) {
                        if (stop != null && stop[c]) {
                            return i;
                        }
                        bytes[length++] = (byte) c;
                    } else if (c < 0x800) {
                        bytes[length++] = (byte) (0xC0 | c >> 6);
                        bytes[length++] = (byte) (0x80 | c & 0x3F);
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                            int code = Character.toCodePoint(c, text.charAt(++i));
                            bytes[length++] = (byte) (0xF0 | code >> 18);
                            bytes[length++] = (byte) (0x80 | code >> 12 & 0x3F);
                            bytes[length++] = (byte) (0x80 | code >> 6 & 0x3F);
                            bytes[length++] = (byte) (0x80 | code & 0x3F);
                        } else {
                            bytes[length++] = '?'; // a lone surrogate has no UTF-8 form
                        }
                    } else if (c >= 0xFFFE && stop != null) {
                        return i;
                    } else {
                        bytes[length++] = (byte) (0xE0 | c >> 12);
                        bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                        bytes[length++] = (byte) (0x80 | c & 0x3F);
                    }
                }
            }
            return to;
        } finally {
            this.length = length;
        }
    }

    /** ASCII that was encoded once, such as markup. */
    Utf8Buffer append(byte[] ascii) throws IOException {
        return append(ascii, 0, ascii.length);
    }

    /** Bytes that are UTF-8 already, from {@code from} to {@code to}. */
    Utf8Buffer append(byte[] encoded, int from, int to) throws IOException {
        int count = to - from;
        if (count > SIZE - length) {
            drain();
        }
        if (count > SIZE) {
            out.write(encoded, from, count);
        } else {
            System.arraycopy(encoded, from, bytes, length, count);
            length += count;
        }
        return this;
    }

    Utf8Buffer append(char ascii) throws IOException {
        if (length >= SIZE) {
            drain();
        }
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** Hands on what is buffered, and flushes the stream below. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(bytes, 0, length);
        length = 0;
    }
}
