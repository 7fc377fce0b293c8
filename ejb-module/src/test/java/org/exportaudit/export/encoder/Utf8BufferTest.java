package org.exportaudit.export.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {

    private static final String EMOJI = "\uD83D\uDE00";

    /** Texts long enough to fill the buffer several times, with every width of character at every boundary. */
    @Test
    void encodes_as_the_jdk_does_across_the_buffers_blocks() throws Exception {
        StringBuilder text = new StringBuilder();
        String[] pieces = {"a", "é", "王", EMOJI, "\t", "z"};
        for (int i = 0; text.length() < 300_000; i++) {
            text.append(pieces[i % pieces.length]);
            if (i % 7 == 0) {
                text.append(pieces[(i / 7) % pieces.length]);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Buffer buffer = new Utf8Buffer(out);
        for (int round = 0; round < 3; round++) { // each round starts at another place in the buffer
            buffer.append("x".repeat(round * 333)).append(text.toString()).append('.');
        }
        buffer.flush();

        String expected = ("x".repeat(0) + text + ".") + ("x".repeat(333) + text + ".") + ("x".repeat(666) + text + ".");
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void a_lone_surrogate_is_a_question_mark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Utf8Buffer(out).append("a\uD83Db\uDE00c" + EMOJI.charAt(0)).flush();

        assertEquals("a?b?c?", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void append_until_stops_at_a_marked_character_or_a_noncharacter() throws Exception {
        boolean[] stop = new boolean[128];
        stop['&'] = true;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Buffer buffer = new Utf8Buffer(out);
        String text = "Zoë " + EMOJI + " & Co\uFFFE!";

        int first = buffer.appendUntil(text, 0, text.length(), stop);
        int second = buffer.appendUntil(text, first + 1, text.length(), stop);
        int end = buffer.appendUntil(text, second + 1, text.length(), stop);
        buffer.flush();

        assertEquals(text.indexOf('&'), first);
        assertEquals(text.indexOf('\uFFFE'), second);
        assertEquals(text.length(), end);
        assertEquals("Zoë " + EMOJI + "  Co!", out.toString(StandardCharsets.UTF_8));
    }
}
