package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourceFeedTest {

    /** A feed of {@code records} numbers. */
    private static SourceFeed counting(int records) {
        return new SourceFeed(2) {
            @Override
            protected void produce() throws InterruptedException {
                for (int i = 0; i < records && !isStopped(); i++) {
                    add(i);
                }
            }
        };
    }

    @Test
    void a_slow_reader_gets_every_batch_and_then_the_end_even_when_the_queue_was_full() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            SourceFeed feed = counting(SourceFeed.BATCH * 20 + 7);
            Thread producer = new Thread(feed);
            producer.start();
            producer.join(200); // let it fill the queue and wait with the rest

            int records = 0;
            for (Object[] batch = feed.next(); batch != null; batch = feed.next()) {
                Thread.sleep(5);
                records += batch.length;
            }

            assertEquals(SourceFeed.BATCH * 20 + 7, records);
            assertNull(feed.next(), "the end is seen again");
        });
    }

    @Test
    void a_stopped_feed_lets_its_thread_end() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            SourceFeed feed = counting(Integer.MAX_VALUE);
            Thread producer = new Thread(feed);
            producer.start();
            feed.next();

            feed.stop();

            producer.join(5_000);
            assertEquals(false, producer.isAlive());
        });
    }

    @Test
    void a_halted_feed_wakes_its_reader_although_the_source_has_not_answered() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
            SourceFeed feed = new SourceFeed(2) {
                @Override
                protected void produce() throws InterruptedException {
                    answer.await(); // a query that takes its time
                }
            };
            new Thread(feed).start();
            Thread reader = Thread.currentThread();
            Thread cancel = new Thread(() -> {
                // the cancel comes once the reader waits for rows (the test's timeout is the deadline)
                while (reader.getState() != Thread.State.WAITING && reader.getState() != Thread.State.TIMED_WAITING) {
                    Thread.onSpinWait();
                }
                feed.halt();
            });
            cancel.start();
            long start = System.nanoTime();

            assertNull(feed.next(), "no rows: the reader ends");

            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1_000, "at once");
            answer.countDown();
            feed.stop();
        });
    }
}
