package org.exportaudit.export.control;

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
    private final byte[] bytes = new byte[SIZE];
    private int length;

    Utf8Buffer(OutputStream out) {
        this.out = out;
    }

    Utf8Buffer append(String text) throws IOException {
        return append(text, 0, text.length());
    }

    Utf8Buffer append(String text, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            if (length > SIZE - 4) {
                drain();
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                bytes[length++] = (byte) (0xF0 | code >> 18);
                bytes[length++] = (byte) (0x80 | code >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | code >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[length++] = '?'; // a lone surrogate has no UTF-8 form
            } else {
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
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
        if (length == SIZE) {
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
