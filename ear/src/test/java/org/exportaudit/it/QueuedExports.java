package org.exportaudit.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Many more large exports than the batch thread pool runs at once (10), started by bob: the newest
 * wait their turn, so some export is still running when a test's cancel arrives, however fast the
 * database. Their names end in two letters, so that no name starts another (rows are found by name).
 */
final class QueuedExports implements AutoCloseable {

    private static final int COUNT = 60;

    private final Api bob;
    private final String names;
    private final List<Long> ids = new ArrayList<>();

    private QueuedExports(Api bob, String names) {
        this.bob = bob;
        this.names = names;
    }

    static QueuedExports started(String prefix) throws Exception {
        QueuedExports queued = new QueuedExports(Api.as("bob"), prefix + "-" + System.nanoTime() + "-");
        for (int i = 0; i < COUNT; i++) {
            queued.ids.add(Api.json(queued.bob.post("exports", "{\"source\": \"contacts\", \"format\": \"XLSX\","
                    + " \"fileName\": \"" + queued.names + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "\"}"))
                    .getJsonNumber("id").longValue());
        }
        return queued;
    }

    /** The file name of the last one asked for, the newest in the log. */
    String newest() {
        int last = COUNT - 1;
        return names + (char) ('a' + last / 26) + (char) ('a' + last % 26) + ".xlsx";
    }

    /** How all their names begin: "running-1234-". */
    String names() {
        return names;
    }

    boolean contains(long id) {
        return ids.contains(id);
    }

    /** What still waits for a batch thread is not needed any more: cancelled, and every one awaited. */
    @Override
    public void close() throws Exception {
        Api admin = Api.as("alice");
        for (long id : ids) {
            admin.post("exports/" + id + "/cancel", "");
            bob.awaitEnd(id);
        }
    }
}
