package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.export.control.ExportFolder;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.retention.boundary.Retention;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the download window and its purge, and audit records that commit and roll
 * back with their change (the audit retention, which keeps the chain verifiable: AuditChainIT). Exports that completed weeks ago are made by
 * writing them as they would be then; the REST calls run as bob from inside the server.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Inject
    Retention retention;

    @Inject
    ExportFolder files;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(RetentionIT.class, Api.class, DemoRealm.class);
    }

    @Test
    void a_file_inside_the_window_downloads_and_one_past_it_is_purged_and_gone() throws Exception {
        long at29 = completedExportOfBob(Duration.ofDays(29));
        long at31 = completedExportOfBob(Duration.ofDays(31));
        Api bob = Api.as("bob");
        assertEquals(410, bob.download(at31).statusCode(), "past the window even before the timer ran");

        retention.purgeFiles();

        assertEquals(200, bob.download(at29).statusCode());
        assertEquals(410, bob.download(at31).statusCode());
        assertNull(export(at29).file().purgedAt());
        assertNotNull(export(at31).file().purgedAt());
        assertTrue(Files.exists(file(at29)));
        assertFalse(Files.exists(file(at31)), "the purged file is deleted");
        assertEquals(List.of(), kinds(at29).stream().filter(kind -> kind == AuditKind.FILE_PURGED).toList());
        assertTrue(kinds(at31).contains(AuditKind.FILE_PURGED));
        assertEquals("COMPLETED", Api.json(bob.get("exports/" + at31)).getString("status"), "the row stays in the log");
    }

    @Test
    void a_purge_that_rolls_back_leaves_no_audit_record_and_keeps_the_file() throws Exception {
        // Inside its window except in the transactions that age it: the retention timer, which
        // ticks every minute, cannot purge it between its creation and the rollback checked here.
        long id = completedExportOfBob(Duration.ofDays(1));

        transaction.begin();
        endedAgo(id, Duration.ofDays(40));
        retention.purgeFiles();
        transaction.rollback();

        assertNull(export(id).file().purgedAt());
        assertTrue(Files.exists(file(id)));
        assertFalse(kinds(id).contains(AuditKind.FILE_PURGED), "no audit record of a change that did not happen");

        transaction.begin();
        endedAgo(id, Duration.ofDays(40));
        transaction.commit();
        retention.purgeFiles(); // or the timer's tick first: purged once either way

        assertNotNull(export(id).file().purgedAt());
        assertFalse(Files.exists(file(id)));
        assertEquals(1, kinds(id).stream().filter(kind -> kind == AuditKind.FILE_PURGED).count());
    }

    @Test
    void every_change_of_an_export_is_audited_with_who_did_it() throws Exception {
        Api bob = Api.as("bob");
        long id = bob.start("companies", "CSV");
        bob.awaitEnd(id);
        bob.download(id);

        List<AuditRecord> records = records(id);

        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_COMPLETED, AuditKind.FILE_DOWNLOADED),
                records.stream().map(AuditRecord::kind).toList());
        assertEquals(List.of("bob", AuditRecord.SYSTEM, "bob"), records.stream().map(AuditRecord::actor).toList());
        assertTrue(records.get(0).detail().contains("\"source\":\"companies\""), records.get(0).detail());
        assertTrue(records.get(2).detail().contains("\"ipAddress\":\"127.0.0.1\""), records.get(2).detail());
    }

    @Test
    void a_threshold_change_is_audited_and_a_refused_one_is_not() throws Exception {
        Api sam = Api.as("sam");
        sam.put("settings/large-export-threshold", "{\"threshold\": 1234}");
        long before = thresholdChangesOf("sam");

        assertEquals(200, sam.put("settings/large-export-threshold", "{\"threshold\": 4321}").statusCode());
        assertEquals(400, sam.put("settings/large-export-threshold", "{\"threshold\": 275001}").statusCode());

        assertEquals(before + 1, thresholdChangesOf("sam"));
        Trail.caughtUp();
        AuditRecord last = em.createQuery("select a from AuditRecord a where a.actor = 'sam' and a.kind = :kind"
                + " order by a.id desc", AuditRecord.class)
                .setParameter("kind", AuditKind.THRESHOLD_CHANGED).setMaxResults(1).getSingleResult();
        assertEquals("{\"from\":1234,\"to\":4321}", last.detail());
    }

    /** An export of bob's that completed {@code ago}, with its file in the export folder. */
    private long completedExportOfBob(Duration ago) throws Exception {
        Instant ended = Instant.now().minus(ago).truncatedTo(ChronoUnit.MICROS);
        transaction.begin();
        Export export = Export.requested("aged.csv", "companies", ExportFormat.CSV, "{}", "bob",
                ended.minusSeconds(60));
        export.counted(1);
        em.persist(export);
        export.complete(9, "00".repeat(32), ended);
        transaction.commit();
        Files.writeString(files.completed(export.id(), ExportFormat.CSV), "id\n1\n");
        return export.id();
    }

    /** Moves the export's end back in time, in the caller's transaction. */
    private void endedAgo(long id, Duration ago) {
        em.createQuery("update Export e set e.endedAt = :ended where e.id = :id")
                .setParameter("ended", Instant.now().minus(ago).truncatedTo(ChronoUnit.MICROS))
                .setParameter("id", id)
                .executeUpdate();
    }

    private Export export(long id) {
        em.clear();
        return em.find(Export.class, id);
    }

    private Path file(long id) {
        return files.completed(id, ExportFormat.CSV);
    }

    private List<AuditRecord> records(long exportId) {
        em.clear();
        Trail.caughtUp();
        return em.createQuery("select a from AuditRecord a where a.exportId = :id order by a.id", AuditRecord.class)
                .setParameter("id", exportId).getResultList();
    }

    private List<AuditKind> kinds(long exportId) {
        return records(exportId).stream().map(AuditRecord::kind).toList();
    }

    private long thresholdChangesOf(String admin) {
        Trail.caughtUp();
        return em.createQuery("select count(a) from AuditRecord a where a.actor = :admin and a.kind = :kind", Long.class)
                .setParameter("admin", admin).setParameter("kind", AuditKind.THRESHOLD_CHANGED).getSingleResult();
    }
}
