package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.platform.H2Persistence;
import org.exportaudit.platform.SchemaMigrations;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The export's embedded parts (its node's lease, its approval, its file) and its block message map to the columns
 * the migrations made, on a database migrated as production's (H2, in memory): an export moved through approval,
 * lease and file is read back as it was written, each part is found by a query on its path, and a part that was
 * never written reads as empty. V14's move of the one reason column, by status, is checked on rows written before.
 */
class ExportColumnsTest {

    private static final Instant ASKED = Instant.parse("2026-11-24T09:00:00.123456Z"); // micros: what databases keep
    private static final Instant LATER = ASKED.plus(1, ChronoUnit.MINUTES);
    private static final Instant UNTIL = ASKED.plus(3, ChronoUnit.DAYS);
    private static final String SHA = "ab".repeat(32);

    private static JdbcDataSource h2;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void database() throws SQLException {
        String url = "jdbc:h2:mem:columns-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        h2 = new JdbcDataSource();
        h2.setURL(url);
        // the schema as it was before V14, with a row of each kind that wrote its reason
        Flyway.configure(SchemaMigrations.class.getClassLoader()).dataSource(h2).locations("classpath:db/migration")
                .table("schema_version").baselineOnMigrate(true).baselineVersion("0").target("13").load().migrate();
        try (Connection db = h2.getConnection(); Statement sql = db.createStatement()) {
            sql.executeUpdate("CREATE SEQUENCE IF NOT EXISTS export_id_seq");
            for (String[] row : new String[][] {{"-1", "DENIED", "Too wide: filter it"},
                    {"-2", "BLOCKED", "Blocked by policy #4: ask your manager"},
                    {"-3", "EXPIRED", "Nobody approved it within 72 hours"}, {"-4", "COMPLETED", null}}) {
                sql.executeUpdate("INSERT INTO export (id, file_name, source, format, filters, written, requested_by,"
                        + " requested_at, status, recorded_by_host, reason) VALUES (" + row[0] + ", 'old.csv',"
                        + " 'contacts', 'CSV', '{}', 0, 'bob', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00Z', '"
                        + row[1] + "', FALSE, " + (row[2] == null ? "NULL" : "'" + row[2] + "'") + ")");
            }
        }
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
    void v14_gives_each_meaning_of_the_old_reason_its_own_column() throws SQLException {
        try (Connection db = h2.getConnection(); PreparedStatement sql = db.prepareStatement(
                "SELECT status, denial_reason, block_message FROM export WHERE id < 0 ORDER BY id DESC");
                ResultSet rows = sql.executeQuery()) {
            assertRow(rows, "DENIED", "Too wide: filter it", null);
            assertRow(rows, "BLOCKED", null, "Blocked by policy #4: ask your manager");
            assertRow(rows, "EXPIRED", null, null); // its expiry is said from its deadline
            assertRow(rows, "COMPLETED", null, null);
        }
        Export denied = find(-1L);
        assertEquals("Too wide: filter it", denied.approval().denialReason());
        assertNull(denied.blockMessage());
        assertEquals("Blocked by policy #4: ask your manager", find(-2L).blockMessage());
    }

    @Test
    void an_export_moved_through_approval_lease_and_file_reads_back_as_written() {
        long id = store(awaiting("bob"));
        assertEquals(UNTIL, find(id).approval().awaitingUntil());
        assertNull(find(id).approval().decidedBy());
        assertNull(find(id).lease().node(), "no node runs it while it waits");

        // each move on an export read back, as the boundaries make it: the provider must see what the parts change
        change(id, export -> export.approve("alice", LATER, "node-1", LATER.plusSeconds(30)));
        change(id, export -> export.handBack());
        change(id, export -> export.takeOver("node-2", LATER.plusSeconds(60)));
        change(id, export -> export.complete(42, SHA, LATER.plusSeconds(90)));

        Export read = find(id);
        assertEquals(ExportStatus.COMPLETED, read.status());
        assertEquals("alice", read.approval().decidedBy());
        assertEquals(LATER, read.approval().decidedAt());
        assertNull(read.approval().awaitingUntil(), "an approval ends the wait");
        assertEquals("node-2", read.lease().node());
        assertEquals(1, read.lease().takeovers());
        assertEquals(42L, read.file().size());
        assertEquals(SHA, read.file().sha256());
        assertNull(read.file().purgedAt());

        assertEquals(List.of(id), ids("e.approval.decidedBy = 'alice' and e.approval.decidedAt = ?1", LATER));
        assertEquals(List.of(id), ids("e.lease.node = 'node-2' and e.lease.takeovers = 1 and e.lease.leaseUntil = ?1",
                LATER.plusSeconds(60)));
        assertEquals(List.of(id), ids("e.file.size = 42 and e.file.sha256 = ?1", SHA));

        change(id, export -> export.purge(LATER.plusSeconds(120)));
        assertEquals(LATER.plusSeconds(120), find(id).file().purgedAt());
        assertEquals(List.of(id), ids("e.file.purgedAt = ?1", LATER.plusSeconds(120)));
    }

    @Test
    void bulk_updates_set_an_embedded_part_as_the_lease_heartbeat_and_the_purge_do() {
        Export running = Export.requested("run.csv", "contacts", ExportFormat.CSV, "{}", "erin", ASKED);
        running.runBy("node-3", LATER);
        long id = store(running);

        // the shapes of ExportLeases.renew() and Retention's claim: SET and WHERE on embedded paths
        assertEquals(1, update("update Export e set e.lease.leaseUntil = ?1 where e.lease.node = 'node-3'"
                + " and e.lease.leaseUntil is not null", UNTIL));
        assertEquals(List.of(id), ids("e.lease.node = 'node-3' and e.lease.leaseUntil = ?1", UNTIL));
        change(id, export -> export.complete(7, SHA, LATER));
        assertEquals(1, update("update Export e set e.file.purgedAt = ?1 where e.id = " + id
                + " and e.file.purgedAt is null", LATER.plusSeconds(5)));
        assertEquals(LATER.plusSeconds(5), find(id).file().purgedAt());
        assertEquals(0, update("update Export e set e.file.purgedAt = ?1 where e.id = " + id
                + " and e.file.purgedAt is null", LATER.plusSeconds(6)), "purged once");
    }

    @Test
    void a_denial_and_a_block_keep_their_own_words() throws SQLException {
        long denied = store(awaiting("carl"));
        change(denied, export -> export.deny("dave", "Use the filtered source", LATER));
        Export blocked = Export.requested("all.csv", "contacts", ExportFormat.CSV, "{}", "carl", ASKED);
        blocked.counted(2_000_000);
        blocked.ruledBy(PolicyTerms.parse("4|block|1000000|records|contacts|*|*"));
        blocked.block("Ask your manager", ASKED);
        long blockedId = store(blocked);

        assertEquals("Use the filtered source", find(denied).approval().denialReason());
        assertNull(find(denied).blockMessage());
        assertEquals("Ask your manager", find(blockedId).blockMessage());
        assertNull(find(blockedId).approval().denialReason(), "a block waited for no approval");
        assertNull(find(blockedId).file().size(), "nor left a file");
        assertEquals(List.of(denied), ids("e.approval.denialReason = ?1", "Use the filtered source"));
        assertEquals(List.of(blockedId), ids("e.blockMessage = ?1", "Ask your manager"));

        // the policy that decided, as its embedded snapshot keeps it in the columns it had
        Export read = find(blockedId);
        assertEquals(4L, read.policyId());
        assertEquals("4|block|1000000|records|contacts|*|*", read.policyTerms().stored());
        assertEquals(read.policyTerms().toString(), read.policy());
        assertNull(find(-4L).snapshot().policyTerms(), "no policy decided on it");
        assertEquals(List.of(blockedId), ids("e.snapshot.policyId = ?1", 4L));
        long ruledLater = store(Export.requested("later.csv", "contacts", ExportFormat.CSV, "{}", "carl", ASKED));
        change(ruledLater, export -> export.ruledBy(PolicyTerms.parse("5|notify|10|records|contacts|*|*")));
        assertEquals(5L, find(ruledLater).policyId(), "the provider sees the snapshot a managed export was given");
        try (Connection db = h2.getConnection(); PreparedStatement sql = db.prepareStatement(
                "SELECT policy_id, policy, policy_terms FROM export WHERE id = " + blockedId);
                ResultSet rows = sql.executeQuery()) {
            rows.next();
            assertEquals(4L, rows.getLong(1));
            assertEquals(read.policy(), rows.getString(2));
            assertEquals("4|block|1000000|records|contacts|*|*", rows.getString(3));
        }
    }

    private static Export awaiting(String user) {
        Export export = Export.requested("contacts.csv", "contacts", ExportFormat.CSV, "{}", user, ASKED);
        export.counted(120_000);
        export.ruledBy(PolicyTerms.parse("3|approve|100000|records|contacts|*|*"));
        export.awaitApproval(UNTIL);
        return export;
    }

    private static void assertRow(ResultSet rows, String status, String denialReason, String blockMessage)
            throws SQLException {
        rows.next();
        assertEquals(status, rows.getString(1));
        assertEquals(denialReason, rows.getString(2), status);
        assertEquals(blockMessage, rows.getString(3), status);
    }

    private static long store(Export export) {
        inTransaction(em -> em.persist(export));
        return export.id();
    }

    private static void change(long id, Consumer<Export> move) {
        inTransaction(em -> move.accept(em.find(Export.class, id)));
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private static Export find(long id) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(Export.class, id);
        } finally {
            em.close();
        }
    }

    private static int update(String jpql, Object parameter) {
        int[] changed = new int[1];
        inTransaction(em -> changed[0] = em.createQuery(jpql).setParameter(1, parameter).executeUpdate());
        return changed[0];
    }

    private static List<Long> ids(String where, Object parameter) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("select e.id from Export e where " + where + " order by e.id", Long.class)
                    .setParameter(1, parameter).getResultList();
        } finally {
            em.close();
        }
    }
}
