package org.exportaudit.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** The test server's log file (server.log of its base dir), read from a mark on. */
final class ServerLog {

    private static final Path FILE = Path.of(System.getProperty("export-audit.it.server"), "log", "server.log");

    private final long mark;

    private ServerLog(long mark) {
        this.mark = mark;
    }

    /** What the server logs from now on. */
    static ServerLog fromNow() throws IOException {
        return new ServerLog(Files.size(FILE));
    }

    /** Everything logged since the mark. */
    String text() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            file.seek(Math.min(mark, file.length()));
            byte[] logged = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(logged);
            return new String(logged, StandardCharsets.UTF_8);
        }
    }

    /** Waits up to 30 s until what was logged since the mark satisfies the condition; answers it. */
    String await(Predicate<String> condition, String what) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String logged = text();
        while (!condition.test(logged)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not logged within 30 s: " + what + "; logged:\n" + logged);
            }
            Thread.sleep(100);
            logged = text();
        }
        return logged;
    }

    static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }
}
