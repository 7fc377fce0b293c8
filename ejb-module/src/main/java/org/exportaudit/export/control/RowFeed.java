package org.exportaudit.export.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a cursor on a thread of its own and hands its rows on in batches, so that the database
 * and the driver produce the next rows while the file writer formats the last ones: read and
 * write overlap instead of taking turns. A few batches are buffered, no more: memory stays
 * constant however large the source.
 */
final class RowFeed implements Runnable {

    static final int BATCH = 1_000;
    private static final int BUFFERED_BATCHES = 8;
    private static final String[][] END = new String[0][];

    private final ResultSet cursor;
    private final int width;
    private final BlockingQueue<String[][]> batches = new ArrayBlockingQueue<>(BUFFERED_BATCHES);
    private volatile boolean stopped;
    private volatile SQLException failure;
    private volatile boolean done;

    RowFeed(ResultSet cursor, int width) {
        this.cursor = cursor;
        this.width = width;
    }

    @Override
    public void run() {
        try {
            String[][] batch = new String[BATCH][];
            int size = 0;
            while (!stopped && cursor.next()) {
                String[] row = new String[width];
                for (int column = 0; column < width; column++) {
                    row[column] = cursor.getString(column + 1);
                }
                batch[size++] = row;
                if (size == BATCH) {
                    hand(batch);
                    batch = new String[BATCH][];
                    size = 0;
                }
            }
            if (size > 0) {
                hand(Arrays.copyOf(batch, size));
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
            batches.offer(END); // there is room: the reader takes batches until it sees the end
        }
    }

    /** The next batch of rows, or null once the cursor is exhausted. */
    String[][] next() throws SQLException, InterruptedException {
        String[][] batch = batches.take();
        if (batch == END) {
            batches.offer(END); // later calls see the end too
            if (failure != null) {
                throw failure;
            }
            return null;
        }
        return batch;
    }

    /** Stops reading and waits until the reading thread let go of the cursor. */
    void stop() throws InterruptedException {
        stopped = true;
        while (!done) {
            batches.poll(10, TimeUnit.MILLISECONDS); // makes room, so that it is not stuck handing on
        }
    }

    private void hand(String[][] batch) throws InterruptedException {
        while (!stopped && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            // the writer is slower; wait for room
        }
    }
}
