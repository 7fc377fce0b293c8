package org.exportaudit.export.encoder;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Compresses a zip on a thread of its own: deflating costs more than producing a sheet's XML, so
 * the two run side by side, in order, with a few blocks of XML in between and no more.
 */
final class ZipOnThread {

    private interface Step {
        void applyTo(ZipOutputStream zip) throws IOException;
    }

    private static final Step END = zip -> { };

    private final ZipOutputStream zip;
    private final BlockingQueue<Step> steps = new ArrayBlockingQueue<>(16);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile IOException failure;

    ZipOnThread(ZipOutputStream zip, Executor executor) {
        this.zip = zip;
        executor.execute(this::compress);
    }

    /**
     * Every entry carries the same fixed time, not the clock's: the same rows make the same file,
     * byte for byte, whenever they are written. An export taken over by another node runs again
     * from the start and must end with the SHA-256 of an uninterrupted run.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    void putNextEntry(String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME); // local: no time zone of the server's gets into the file
        then(zip -> zip.putNextEntry(entry));
    }

    void closeEntry() throws IOException {
        then(ZipOutputStream::closeEntry);
    }

    /** Where the current entry's bytes go: each block is copied and compressed later. */
    OutputStream entry() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                byte[] block = Arrays.copyOfRange(bytes, offset, offset + length);
                then(zip -> zip.write(block));
            }
        };
    }

    /** Writes the zip's directory and waits until everything is compressed and flushed. */
    void finish() throws IOException {
        then(zip -> {
            zip.finish();
            zip.flush();
        });
        then(END);
        awaitEnd();
        if (failure != null) {
            throw failure;
        }
    }

    /** Gives up on the zip (the export stopped): the thread ends without writing more. */
    void abandon() throws IOException {
        failure = new IOException("abandoned");
        steps.clear();
        while (!steps.offer(END)) {
            steps.clear();
        }
        awaitEnd();
    }

    private void compress() {
        try {
            for (Step step = steps.take(); step != END; step = steps.take()) {
                if (failure == null) {
                    try {
                        step.applyTo(zip);
                    } catch (IOException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = new IOException(e); // the writer learns of it at its next step
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    private void then(Step step) throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            steps.put(step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing on a zip block");
        }
    }

    private void awaitEnd() throws IOException {
        try {
            if (!ended.await(5, TimeUnit.MINUTES)) {
                throw new IOException("the zip's compression did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the zip was compressed");
        }
    }
}
