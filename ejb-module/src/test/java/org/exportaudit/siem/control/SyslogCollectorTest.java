package org.exportaudit.siem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exportaudit.audit.entity.AuditKind;
import org.junit.jupiter.api.Test;

/** The sender against a real TCP listener on a loopback port: framing, and a collector that restarts. */
class SyslogCollectorTest {

    @Test
    void messages_arrive_framed_by_their_length_and_after_the_collector_closed_the_connection_none_is_lost()
            throws Exception {
        try (ServerSocket collector = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            SyslogCollector sender = new SyslogCollector(URI.create("tcp://127.0.0.1:" + collector.getLocalPort()), "node-1");
            try {
                sender.send(record(1, "zoë"));
                sender.send(record(2, "bob"));
                List<String> first;
                try (Socket connection = collector.accept()) {
                    first = frames(new DataInputStream(connection.getInputStream()), 2);
                } // the collector restarts: it closes the connection

                sender.send(record(3, "alice"));
                sender.send(record(4, "alice"));

                List<String> second;
                try (Socket connection = collector.accept()) {
                    second = frames(new DataInputStream(connection.getInputStream()), 2);
                }
                assertEquals(List.of(1L, 2L, 3L, 4L), seqs(first, second));
                assertTrue(first.get(0).startsWith("<85>1 2026-11-30T02:00:00Z node-1 export-audit - FILE_DOWNLOADED"
                        + " [exportaudit@32473 seq=\"1\" user=\"zoë\" exportId=\"9\"] \uFEFF{"), first.get(0));
            } finally {
                sender.close();
            }
        }
    }

    @Test
    void a_collector_that_is_down_fails_the_send() {
        SyslogCollector sender = new SyslogCollector(URI.create("tcp://127.0.0.1:1"), "node-1");

        assertThrows(IOException.class, () -> sender.send(record(1, "bob")));
    }

    private static StreamedRecord record(long seq, String user) {
        return new StreamedRecord(seq, AuditKind.FILE_DOWNLOADED, user, 9L, "{\"ipAddress\": \"127.0.0.1\"}",
                Instant.parse("2026-11-30T02:00:00Z"), "0f".repeat(32));
    }

    /** Reads {@code count} octet-counted frames: digits, a space, exactly that many bytes. */
    static List<String> frames(DataInputStream in, int count) throws IOException {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder length = new StringBuilder();
            for (int b = in.read(); b != ' '; b = in.read()) {
                assertTrue(b >= '0' && b <= '9', "a frame starts with its length, not " + b);
                length.append((char) b);
            }
            byte[] message = new byte[Integer.parseInt(length.toString())];
            in.readFully(message);
            frames.add(new String(message, StandardCharsets.UTF_8));
        }
        return frames;
    }

    private static List<Long> seqs(List<String> first, List<String> second) {
        List<Long> seqs = new ArrayList<>();
        for (List<String> frames : List.of(first, second)) {
            for (String frame : frames) {
                int at = frame.indexOf("seq=\"") + 5;
                seqs.add(Long.parseLong(frame.substring(at, frame.indexOf('"', at))));
            }
        }
        return seqs;
    }
}
