package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail streamed as RFC 5424 syslog over TCP: to a real collector, Debian's rsyslog, started
 * by the test in the foreground on the loopback port the test server was told at its start, writing
 * what it receives to a file; and to a bare TCP listener of the test's own, which reads the octet-counted
 * frames byte by byte and restarts (closes the connection) halfway.
 */
@DeployedOnce
class SiemSyslogIT {

    /**
     * An RFC 5424 line as rsyslog writes it (RSYSLOG_SyslogProtocol23Format): PRI, version, timestamp,
     * hostname, app-name, procid, msgid, structured data (each value quoted, '"' '\' ']' escaped), message.
     */
    private static final Pattern RFC_5424 = Pattern.compile("<(\\d{1,3})>1 (\\S+) (\\S{1,255}) (\\S{1,48}) (\\S{1,128})"
            + " (\\S{1,32}) (-|(?:\\[[^ =\\]\"]+(?: [^ =\\]\"]+=\"(?:[^\"\\\\\\]]|\\\\.)*\")*\\])+) (.*)");

    private static final Pattern SEQ = Pattern.compile(" seq=\"(\\d+)\"");

    @Test
    void rsyslog_receives_rfc_5424_lines_that_parse_with_the_app_name_the_kind_and_the_seq() throws Exception {
        String collector = SiemReceivers.COLLECTORS.get(0);
        Path dir = Files.createDirectories(Path.of("target", "rsyslog-it"));
        Path received = dir.resolve("received.log");
        Files.deleteIfExists(received);
        Path config = dir.resolve("rsyslog.conf");
        Files.writeString(config, "global(workDirectory=\"" + dir.toAbsolutePath() + "\" maxMessageSize=\"64k\")\n"
                + "module(load=\"imtcp\")\n"
                + "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + SiemReceivers.port(collector) + "\")\n"
                + "*.* action(type=\"omfile\" file=\"" + received.toAbsolutePath()
                + "\" template=\"RSYSLOG_SyslogProtocol23Format\")\n");
        assertTrue(Files.isExecutable(Path.of("/usr/sbin/rsyslogd")), "Debian's rsyslog is installed (bin/test installs it)");
        Process rsyslog = new ProcessBuilder("/usr/sbin/rsyslogd", "-n", "-f", config.toAbsolutePath().toString(),
                "-i", dir.resolve("rsyslogd.pid").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        try {
            long policy = SiemReceivers.auditedChange("streamed to rsyslog");
            long head = SiemReceivers.head(SiemReceivers.state(collector));

            List<String> lines = Poll.until(Duration.ofMinutes(2), Duration.ofMillis(500), () -> {
                List<String> written = Files.exists(received) ? Files.readAllLines(received, StandardCharsets.UTF_8) : List.of();
                return Optional.of(written).filter(all -> all.stream().anyMatch(line -> line.contains(" seq=\"" + head + "\"")));
            }, () -> "rsyslog wrote record " + head + " (" + rsyslog.isAlive() + ")");

            List<Long> seqs = new ArrayList<>();
            boolean created = false;
            for (String line : lines) {
                Matcher message = RFC_5424.matcher(line);
                assertTrue(message.matches(), "RFC 5424: " + line);
                assertEquals("85", message.group(1), "authpriv.notice");
                OffsetDateTime.parse(message.group(2)); // RFC 3339
                assertEquals("export-audit", message.group(4));
                Matcher seq = SEQ.matcher(message.group(7));
                assertTrue(message.group(7).startsWith("[exportaudit@32473 ") && seq.find(), line);
                assertTrue(message.group(8).startsWith("\uFEFF"), "the message is UTF-8 with its BOM: " + line);
                JsonObject record = DemoRealm.json(message.group(8).substring(1));
                assertEquals(Long.parseLong(seq.group(1)), record.getJsonNumber("seq").longValue(), line);
                assertEquals(message.group(6), record.getString("kind"), "MSGID is the kind");
                seqs.add(record.getJsonNumber("seq").longValue());
                created |= message.group(6).equals("POLICY_CREATED")
                        && record.getJsonObject("detail").getJsonNumber("policyId").longValue() == policy;
            }
            assertTrue(created, "the policy's creation reached rsyslog: " + lines);
            List<Long> distinct = seqs.stream().distinct().toList();
            assertEquals(LongStream.rangeClosed(distinct.get(0), head).boxed().toList(), distinct.subList(0,
                    (int) (head - distinct.get(0) + 1)), "in order, none lost");
        } finally {
            rsyslog.destroy();
            rsyslog.waitFor();
        }
    }

    @Test
    void a_tcp_collector_reads_octet_counted_frames_and_after_it_restarts_gets_every_record() throws Exception {
        String collector = SiemReceivers.COLLECTORS.get(1);
        // nothing listens yet: the cursor stands still
        long first = SiemReceivers.nextAfter(SiemReceivers.delivered(SiemReceivers.state(collector)));
        try (Collector listener = Collector.listening(URI.create(collector))) {
            SiemReceivers.auditedChange("streamed over TCP");
            long head = awaitCaughtUp(collector);
            Poll.untilTrue(Duration.ofSeconds(30), Duration.ofMillis(200), () -> listener.seqs().contains(head),
                    () -> "the listener read " + head + ": " + listener.seqs());

            listener.restart();
            SiemReceivers.auditedChange("streamed over TCP after the collector restarted");
            long after = awaitCaughtUp(collector);
            Poll.untilTrue(Duration.ofSeconds(30), Duration.ofMillis(200), () -> listener.seqs().contains(after),
                    () -> "the listener read " + after + " on a new connection: " + listener.seqs());

            List<Long> distinct = listener.seqs().stream().distinct().toList();
            assertEquals(LongStream.rangeClosed(first, after).boxed().toList(), distinct.subList(0, (int) (after - first + 1)),
                    "every record, in order, none lost at the restart");
            assertTrue(listener.frames().stream().allMatch(frame -> frame.startsWith("<85>1 ")), "RFC 5424, authpriv.notice");
            assertTrue(listener.connections() >= 2, "connected again after the restart");
        }
    }

    private static long awaitCaughtUp(String collector) throws Exception {
        return Poll.until(Duration.ofMinutes(2), Duration.ofMillis(500), () -> {
            JsonObject state = SiemReceivers.state(collector);
            return Optional.of(state).filter(s -> s.getJsonNumber("behind").longValue() == 0 && !s.getBoolean("failing"))
                    .map(SiemReceivers::delivered);
        }, () -> collector + " caught up");
    }

    /** A TCP collector that reads octet-counted frames (length, space, exactly that many bytes) and keeps them. */
    static final class Collector implements AutoCloseable {

        private final ServerSocket server;
        private final List<String> frames = new ArrayList<>();
        private final Thread reader;
        private volatile Socket connection;
        private int connections;

        private Collector(ServerSocket server) {
            this.server = server;
            this.reader = new Thread(this::read, "syslog-collector-it");
        }

        static Collector listening(URI address) throws IOException {
            Collector collector = new Collector(new ServerSocket(address.getPort(), 5, InetAddress.getByName(address.getHost())));
            collector.reader.start();
            return collector;
        }

        private void read() {
            while (!server.isClosed()) {
                try (Socket accepted = server.accept()) {
                    synchronized (this) {
                        connection = accepted;
                        connections++;
                    }
                    DataInputStream in = new DataInputStream(accepted.getInputStream());
                    while (true) {
                        String frame = frame(in);
                        synchronized (this) {
                            frames.add(frame);
                        }
                    }
                } catch (EOFException | java.net.SocketException closed) {
                    // the sender or this collector closed the connection: accept the next one
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private static String frame(DataInputStream in) throws IOException {
            StringBuilder length = new StringBuilder();
            for (int b = in.read(); b != ' '; b = in.read()) {
                if (b == -1) {
                    throw new EOFException();
                }
                if (b < '0' || b > '9' || length.length() > 6) {
                    throw new IllegalStateException("not an octet-counted frame: " + length + (char) b);
                }
                length.append((char) b);
            }
            byte[] message = new byte[Integer.parseInt(length.toString())];
            in.readFully(message);
            return new String(message, StandardCharsets.UTF_8);
        }

        /** Closes the connection, as a collector that restarts does; the listening socket stays. */
        void restart() throws IOException {
            connection.close();
        }

        synchronized List<String> frames() {
            return List.copyOf(frames);
        }

        synchronized int connections() {
            return connections;
        }

        List<Long> seqs() {
            return frames().stream().map(frame -> {
                Matcher seq = SEQ.matcher(frame);
                if (!seq.find()) {
                    throw new AssertionError("no seq in " + frame);
                }
                return Long.parseLong(seq.group(1));
            }).toList();
        }

        @Override
        public void close() throws Exception {
            server.close();
            Socket open = connection;
            if (open != null) {
                open.close();
            }
            reader.join(5_000);
        }
    }
}
