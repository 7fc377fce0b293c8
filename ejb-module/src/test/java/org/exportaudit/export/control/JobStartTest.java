package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.operations.NoSuchJobException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.exportaudit.client.ExportFailure;
import org.junit.jupiter.api.Test;

/**
 * A job started off the request's thread: with the deployment's class loader, by which the batch
 * runtime finds the jobs, and when it cannot start, its export fails with the reason instead of
 * staying PROCESSING (the batch runtime's refusal cannot be provoked on a running server).
 */
class JobStartTest {

    private final ClassLoader deployment = new URLClassLoader(new URL[0], null);
    private final List<String> failures = new ArrayList<>();

    @Test
    void starts_the_job_with_the_deployments_class_loader_and_gives_the_thread_its_own_back() {
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        ClassLoader[] seen = new ClassLoader[1];

        new JobStart(42, deployment, exportId -> seen[0] = Thread.currentThread().getContextClassLoader(),
                this::failed).run();

        assertSame(deployment, seen[0], "the job is looked up with the deployment's class loader");
        assertSame(own, Thread.currentThread().getContextClassLoader());
        assertEquals(List.of(), failures);
    }

    @Test
    void a_job_that_does_not_start_fails_its_export_in_our_words_and_logs_the_cause_under_its_incident() {
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(JobStart.class.getName());
        log.addHandler(handler);
        try {
            new JobStart(42, deployment, exportId -> {
                throw new NoSuchJobException("export-records");
            }, this::failed).run();
        } finally {
            log.removeHandler(handler);
        }

        assertEquals(1, failures.size());
        ExportFailure failure = failed.get(0);
        assertEquals("not-started", failure.code());
        assertFalse(failure.toString().contains("export-records"), "the cause's text stays in the log: " + failure);
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).getMessage().contains(failure.incident()), "logged under the incident");
        assertEquals("export-records", logged.get(0).getThrown().getMessage());
        assertSame(own, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void a_failure_that_cannot_be_recorded_is_logged_and_the_thread_goes_on() {
        ClassLoader own = Thread.currentThread().getContextClassLoader();

        new JobStart(7, deployment, exportId -> {
            throw new IllegalStateException("no job operator");
        }, (exportId, reason) -> {
            throw new IllegalStateException("database down");
        }).run();

        assertSame(own, Thread.currentThread().getContextClassLoader(), "nothing thrown, the thread's loader back");
    }

    @Test
    void here_takes_the_class_loader_of_the_calling_thread() {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        ClassLoader[] seen = new ClassLoader[1];
        thread.setContextClassLoader(deployment);
        JobStart start;
        try {
            start = JobStart.here(42, exportId -> seen[0] = Thread.currentThread().getContextClassLoader(),
                    this::failed);
        } finally {
            thread.setContextClassLoader(own);
        }

        start.run();

        assertSame(deployment, seen[0]);
    }

    private final List<ExportFailure> failed = new ArrayList<>();

    private void failed(long exportId, ExportFailure failure) {
        failures.add(exportId + ": " + failure);
        failed.add(failure);
    }
}
