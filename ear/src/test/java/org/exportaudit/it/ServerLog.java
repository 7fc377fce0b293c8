package org.exportaudit.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
    String await(Predicate<String> condition, String what) throws Exception {
        String[] logged = new String[1];
        return Poll.until(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
            logged[0] = text();
            return Optional.of(logged[0]).filter(condition);
        }, () -> "not logged: " + what + "; logged:\n" + logged[0]);
    }

    static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }
}
