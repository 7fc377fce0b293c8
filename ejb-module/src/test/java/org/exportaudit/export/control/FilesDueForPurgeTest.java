package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.platform.H2Persistence;
import org.exportaudit.platform.SchemaMigrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The purge's query, as the retention timer runs it, on a database migrated as production's (H2, in memory), selects
 * exactly the exports {@link Export#isDueForPurge} calls due: the entity's rule and the query cannot drift apart.
 */
class FilesDueForPurgeTest {

    private static final DownloadWindow WINDOW = DownloadWindow.ofDays(30);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant CUTOFF = WINDOW.closedUpTo(NOW);
    private static final Duration MICRO = Duration.of(1, ChronoUnit.MICROS); // what the databases keep

    private static EntityManagerFactory emf;

    @BeforeAll
    static void database() {
        String url = "jdbc:h2:mem:purge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        SchemaMigrations.apply(h2, "db/migration", "schema_version");
        emf = H2Persistence.unit(url);
    }

    @AfterAll
    static void close() {
        if (emf != null) {
            emf.close();
        }
    }

    @Test
    void selectsWhatTheEntityCallsDue() {
        List<Export> exports = new ArrayList<>();
        exports.add(completed(CUTOFF.minus(Duration.ofDays(3))));
        exports.add(completed(CUTOFF.minus(MICRO)));
        exports.add(completed(CUTOFF)); // ended exactly one window ago: its window has closed
        exports.add(completed(CUTOFF.plus(MICRO)));
        exports.add(completed(NOW));
        exports.add(purged(completed(CUTOFF.minus(Duration.ofDays(1)))));
        exports.add(Export.recordedByHost("host.csv", "contacts", ExportFormat.CSV, 3, "bob",
                CUTOFF.minus(Duration.ofDays(2)), CUTOFF.minus(Duration.ofDays(2))));
        exports.add(requested(export -> export.cancel("alice", CUTOFF.minus(Duration.ofDays(1)))));
        exports.add(requested(export -> export.fail("failed", CUTOFF.minus(Duration.ofDays(1)))));
        exports.add(requested(export -> export.block("no", CUTOFF.minus(Duration.ofDays(1)))));
        exports.add(requested(export -> { }));
        store(exports);

        FilesDueForPurge due = new FilesDueForPurge();
        due.downloadWindow = WINDOW;
        EntityManager em = emf.createEntityManager();
        try {
            due.em = em;
            List<Long> selected = due.oldest(NOW, 100).stream().map(Export::id).toList();
            List<Long> ruled = em.createQuery("select e from Export e order by e.endedAt", Export.class)
                    .getResultList().stream()
                    .filter(export -> export.isDueForPurge(NOW, WINDOW))
                    .map(Export::id)
                    .toList();

            assertEquals(3, ruled.size(), "the exports that completed at or before the cutoff, with a file");
            assertEquals(ruled, selected, "the purge's query selects what the entity calls due, oldest first");
            assertEquals(List.of(selected.get(0)), due.oldest(NOW, 1).stream().map(Export::id).toList(),
                    "at most as many as asked, the oldest");
        } finally {
            em.close();
        }
    }

    private static Export completed(Instant at) {
        return requested(export -> export.complete(10, "sha", at));
    }

    private static Export purged(Export export) {
        export.purge(NOW.minus(Duration.ofDays(1)));
        return export;
    }

    private static Export requested(Consumer<Export> then) {
        Export export = Export.requested("file.csv", "contacts", ExportFormat.CSV, "{}", "bob",
                CUTOFF.minus(Duration.ofDays(10)));
        then.accept(export);
        return export;
    }

    private static void store(List<Export> exports) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            exports.forEach(em::persist);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertEquals(exports.size(), exports.stream().map(Export::id).collect(Collectors.toSet()).size());
    }
}
