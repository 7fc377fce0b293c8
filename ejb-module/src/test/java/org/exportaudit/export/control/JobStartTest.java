package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.batch.operations.NoSuchJobException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
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
    void a_job_that_does_not_start_fails_its_export_with_the_reason() {
        ClassLoader own = Thread.currentThread().getContextClassLoader();

        new JobStart(42, deployment, exportId -> {
            throw new NoSuchJobException("export-records");
        }, this::failed).run();

        assertEquals(List.of("42: The export job could not start: export-records"), failures);
        assertSame(own, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void a_refusal_without_a_message_is_named_by_its_kind() {
        new JobStart(7, deployment, exportId -> {
            throw new IllegalStateException();
        }, this::failed).run();

        assertEquals(List.of("7: The export job could not start: IllegalStateException"), failures);
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

    private void failed(long exportId, String reason) {
        failures.add(exportId + ": " + reason);
    }
}
