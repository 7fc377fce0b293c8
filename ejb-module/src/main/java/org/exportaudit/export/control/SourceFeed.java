package org.exportaudit.export.control;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a source on a thread of its own and hands its records on in batches, so that the database
 * and the driver produce the next records while the file writer formats the last ones: read and
 * write overlap instead of taking turns. A few batches are buffered, no more: memory stays
 * constant however large the source.
 */
abstract class SourceFeed implements Runnable {

    static final int BATCH = 1_000;
    private static final Object[] END = new Object[0];

    private final BlockingQueue<Object[]> batches;
    private volatile boolean stopped;
    private volatile SQLException failure;
    private volatile boolean done;
    private Object[] batch = new Object[BATCH];
    private int size;

    /**
     * @param bufferedBatches the read-ahead: batches read but not yet taken, which each export holds
     *     on top of its chunk's
     */
    protected SourceFeed(int bufferedBatches) {
        batches = new ArrayBlockingQueue<>(bufferedBatches);
    }

    /** Reads records and {@link #add adds} them until the end or {@link #isStopped a stop}. */
    protected abstract void produce() throws SQLException, InterruptedException;

    @Override
    public final void run() {
        try {
            produce();
            if (size > 0) {
                hand(Arrays.copyOf(batch, size));
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            handEnd();
        }
    }

    /**
     * The end must reach the reader even when the queue is full, or it would wait forever after
     * the last batch; once stopped, nobody reads, and the end goes in place of what was left.
     */
    private void handEnd() {
        try {
            while (!batches.offer(END, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    batches.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
        }
    }

    /** The next batch of records, or null once the source is exhausted or the feed {@link #halt halted}. */
    final Object[] next() throws SQLException, InterruptedException {
        Object[] batch;
        while ((batch = batches.poll(100, TimeUnit.MILLISECONDS)) == null) {
            if (stopped) {
                return null; // cancelled: the reader must not wait for a query that may not answer
            }
        }
        if (batch == END) {
            batches.offer(END); // later calls see the end too
            if (failure != null) {
                throw failure;
            }
            return null;
        }
        return batch;
    }

    /**
     * Tells the reading thread to stop at its next record and the reader to stop waiting for
     * records; from any thread, without waiting.
     */
    final void halt() {
        stopped = true;
    }

    /** Stops reading and waits until the reading thread let go of the connection. */
    final void stop() throws InterruptedException {
        stopped = true;
        while (!done) {
            batches.poll(10, TimeUnit.MILLISECONDS); // makes room, so that it is not stuck handing on
        }
    }

    protected final boolean isStopped() {
        return stopped;
    }

    /** One more record; a full batch is handed on, waiting while the writer is behind. */
    protected final void add(Object record) throws InterruptedException {
        batch[size++] = record;
        if (size == BATCH) {
            hand(batch);
            batch = new Object[BATCH];
            size = 0;
        }
    }

    private void hand(Object[] batch) throws InterruptedException {
        while (!stopped && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            // the writer is slower; wait for room
        }
    }
}
