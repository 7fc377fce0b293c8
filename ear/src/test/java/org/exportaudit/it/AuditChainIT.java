package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.exportaudit.audit.control.AppendOnlyAudit;
import org.exportaudit.audit.control.ChainAnchors;
import org.exportaudit.audit.control.ChainVerifier;
import org.exportaudit.audit.entity.ChainHash;
import org.exportaudit.audit.view.AuditAnchor;
import org.exportaudit.audit.view.AuditVerdict;
import org.exportaudit.retention.boundary.Retention;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, on H2 and on PostgreSQL: the audit trail as a hash chain. Audited actions are
 * real ones (threshold changes through the REST API), read once they are chained ({@link Trail}); the tampering is what someone with the
 * table owner's rights would do in SQL: put the database's refusals aside, change rows, and for
 * the worst case recompute every hash after their change. Verification must name the first bad
 * record each time. Every tampering test puts the trail back as it was, refusals included, and
 * checks that it verifies again, so that the tests after it find an untouched chain.
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    @Resource(lookup = "java:jboss/datasources/ExportAuditDS")
    DataSource database;

    @Inject
    UserTransaction transaction;

    @Inject
    ChainAnchors anchors;

    @Inject
    Retention retention;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(AuditChainIT.class, Api.class, DemoRealm.class);
    }

    private final Map<String, String> thresholdsBefore = new HashMap<>();

    /** The tests change alice's and sam's thresholds (their audited actions); others rely on them. */
    @BeforeEach
    void keepThresholds() throws Exception {
        for (String admin : List.of("alice", "sam")) {
            thresholdsBefore.put(admin, Api.json(Api.as(admin).get("settings/large-export-threshold")).toString());
        }
    }

    @AfterEach
    void restoreThresholds() throws Exception {
        for (Map.Entry<String, String> threshold : thresholdsBefore.entrySet()) {
            assertEquals(200, Api.as(threshold.getKey()).put("settings/large-export-threshold", threshold.getValue())
                    .statusCode());
        }
    }

    @Test
    void fifty_concurrent_audited_actions_take_fifty_contiguous_places_and_the_chain_verifies() throws Exception {
        List<Api> admins = List.of(Api.as("alice"), Api.as("sam"));
        for (Api admin : admins) {
            assertEquals(200, admin.put("settings/large-export-threshold", "{\"threshold\": 19999}").statusCode());
        }
        Trail.caughtUp();
        long before = head();
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Api admin = admins.get(i % 2);
                String threshold = "{\"threshold\": " + (20_000 + i) + "}";
                answers.add(callers.submit(() -> admin.put("settings/large-export-threshold", threshold).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            callers.shutdown();
        }
        Trail.caughtUp();

        assertEquals(LongStream.rangeClosed(before + 1, before + 50).boxed().toList(), seqsAfter(before));
        AuditVerdict verdict = verify();
        assertTrue(verdict.valid(), verdict::toString);
        assertEquals(before + 50, verdict.headSeq());
    }

    @Test
    void a_verification_while_records_are_chained_finds_the_trail_whole() throws Exception {
        Api alice = Api.as("alice");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> changes = writer.submit(() -> {
                int made = 0;
                while (writing.get()) {
                    assertEquals(200, alice.put("settings/large-export-threshold",
                            "{\"threshold\": " + (30_000 + made % 1_000) + "}").statusCode());
                    made++;
                }
                return made;
            });
            for (int i = 0; i < 100; i++) {
                AuditVerdict verdict = verify();
                assertTrue(verdict.valid(), "verification " + i + ", while records are chained: " + verdict);
            }
            writing.set(false);
            assertTrue(changes.get() > 0, "records were chained meanwhile");
        } finally {
            writing.set(false);
            writer.shutdown();
        }
    }

    @Test
    void an_edited_record_is_caught_at_its_place() throws Exception {
        long first = recordsOfAlice(3);
        tampered(first, sql -> sql.executeUpdate("UPDATE audit_record SET detail = '{\"from\":1,\"to\":2}'"
                + " WHERE seq = " + (first + 1)), first + 1, "does not match its hash");
    }

    @Test
    void a_deleted_record_is_caught_where_it_is_missing_and_so_is_the_last_one() throws Exception {
        long first = recordsOfAlice(3);
        tampered(first, sql -> sql.executeUpdate("DELETE FROM audit_record WHERE seq = " + (first + 1)),
                first + 1, "is missing");
        long head = head();
        tampered(first, sql -> sql.executeUpdate("DELETE FROM audit_record WHERE seq = " + head), head,
                "the trail ends at #" + (head - 1));
    }

    @Test
    void an_inserted_record_is_caught_even_with_a_hash_made_as_the_application_makes_it() throws Exception {
        long first = recordsOfAlice(2);
        long head = head();
        String forged = ChainHash.of(hashAt(head), head + 1, Instant.parse("2026-11-30T00:00:00Z"), "THRESHOLD_CHANGED",
                "alice", null, "{\"from\":null,\"to\":1}");
        tampered(first, sql -> sql.executeUpdate("INSERT INTO audit_record (id, seq, occurred_at, kind, actor, detail, hash)"
                + " VALUES (-1, " + (head + 1) + ", TIMESTAMP WITH TIME ZONE '2026-11-30 00:00:00+00', 'THRESHOLD_CHANGED',"
                + " 'alice', '{\"from\":null,\"to\":1}', '" + forged + "')"), head + 1, "after the chain's head");
    }

    @Test
    void records_put_in_another_order_are_caught_at_the_first_of_them() throws Exception {
        long first = recordsOfAlice(3);
        tampered(first, sql -> {
            sql.executeUpdate("UPDATE audit_record SET seq = -1 WHERE seq = " + (first + 1));
            sql.executeUpdate("UPDATE audit_record SET seq = " + (first + 1) + " WHERE seq = " + (first + 2));
            sql.executeUpdate("UPDATE audit_record SET seq = " + (first + 2) + " WHERE seq = -1");
        }, first + 1, "does not match its hash");
    }

    @Test
    void a_rewrite_of_the_whole_trail_after_a_record_is_caught_by_the_anchors() throws Exception {
        long first = recordsOfAlice(2);
        AuditAnchor anchor = anchor();
        recordsOfAlice(2);
        assertEquals(anchor.hash(), hashAt(anchor.seq()), "the anchor names the head it was published at");

        // The rewriter recomputes every hash from the changed record on, and the head: only the
        // anchor record in the chain, which names the old hash, gives the rewrite away.
        tampered(first, sql -> rewriteFrom(sql, first, false), anchor.seq() + 1, "the anchor #" + (anchor.seq() + 1));

        // Rewriting the anchor record too leaves a chain that is consistent in itself: the copy of
        // the anchor kept elsewhere (the SIEM, the server log) catches it.
        tampered(first, sql -> {
            rewriteFrom(sql, first, true);
            AuditVerdict alone = verify();
            assertTrue(alone.valid(), "a rewrite with every hash recomputed is consistent in itself: " + alone);
        }, Map.of(anchor.seq(), anchor.hash()), anchor.seq(), "another hash than the anchor published for it");
    }

    @Test
    void the_database_refuses_to_change_or_delete_the_trail_and_to_move_the_chain_back() throws Exception {
        long first = recordsOfAlice(2);
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThrows(SQLException.class, () -> sql.executeUpdate(
                    "UPDATE audit_record SET actor = 'mallory' WHERE seq = " + first));
            assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM audit_record WHERE seq = " + first));
            assertThrows(SQLException.class, () -> sql.executeUpdate(
                    "UPDATE audit_chain SET head_seq = head_seq - 1 WHERE id = 1"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM audit_chain"));
        }
        assertEquals(List.of(first, first + 1), seqsAfter(first - 1).subList(0, 2));
        AuditVerdict verdict = verify();
        assertTrue(verdict.valid(), verdict::toString);
    }

    @Test
    void a_record_waiting_for_its_place_can_be_neither_changed_nor_deleted() throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false); // unseen by the chainer: it stays pending throughout
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("INSERT INTO audit_pending (id, occurred_at, kind, actor, detail)"
                        + " VALUES (-2, TIMESTAMP WITH TIME ZONE '2026-11-30 00:00:00+00', 'THRESHOLD_CHANGED', 'probe', '{}')");
                Savepoint written = connection.setSavepoint();
                assertThrows(SQLException.class, () -> sql.executeUpdate(
                        "UPDATE audit_pending SET actor = 'mallory' WHERE id = -2"));
                connection.rollback(written);
                assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM audit_pending WHERE id = -2"));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void the_retention_deletes_from_the_start_leaves_a_signed_off_checkpoint_and_the_chain_verifies() throws Exception {
        recordsOfAlice(1);
        long kept = recordsOfAlice(1);
        Instant cutoff = occurredAt(kept);

        transaction.begin();
        long deleted = retention.deleteAuditOccurredBefore(cutoff, Instant.now());
        transaction.commit();

        assertTrue(deleted >= 1, "at least the record before the cutoff went: " + deleted);
        assertEquals(kept, seqsAfter(0).get(0), "the trail now starts at the first record kept");
        AuditVerdict verdict = verify();
        assertTrue(verdict.valid(), verdict::toString);
        assertEquals(head() - (kept - 1), verdict.checked());
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
                ResultSet checkpoint = sql.executeQuery("SELECT detail FROM audit_record WHERE seq = " + head())) {
            assertTrue(checkpoint.next());
            assertTrue(checkpoint.getString(1).startsWith("{\"deletedThrough\":" + (kept - 1) + ","),
                    checkpoint.getString(1));
        }
        // Only the retention deletes, and only below its checkpoint.
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM audit_record WHERE seq = " + kept));
        }
        // A checkpoint record taken away leaves a start that nothing in the chain signs off.
        long head = head();
        tampered(kept, sql -> sql.executeUpdate("DELETE FROM audit_record WHERE seq = " + head), head, "is missing");
    }

    // --- the trail, as the tests make and read it

    /** Makes {@code count} records (alice changes her threshold, each time to another) and answers the seq of the first. */
    private static long recordsOfAlice(int count) throws Exception {
        Api alice = Api.as("alice");
        long first = -1;
        for (int i = 0; i < count; i++) {
            JsonValue current = Api.json(alice.get("settings/large-export-threshold")).get("threshold");
            int next = current instanceof JsonNumber number ? number.intValue() % 200_000 + 1 : 1_000;
            Trail.caughtUp();
            long before = head();
            assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": " + next + "}").statusCode());
            first = first < 0 ? before + 1 : first;
        }
        Trail.caughtUp();
        return first;
    }

    private AuditAnchor anchor() throws Exception {
        transaction.begin();
        AuditAnchor anchor = anchors.publish("alice");
        transaction.commit();
        return anchor;
    }

    private AuditVerdict verify() throws SQLException {
        return verify(Map.of());
    }

    private AuditVerdict verify(Map<Long, String> anchorsKeptElsewhere) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return new ChainVerifier(connection, anchorsKeptElsewhere).verify();
        }
    }

    private static long head() throws Exception {
        return query("SELECT head_seq FROM audit_chain WHERE id = 1", rows -> rows.getLong(1)).get(0);
    }

    private static String hashAt(long seq) throws Exception {
        return query("SELECT hash FROM audit_record WHERE seq = " + seq, rows -> rows.getString(1).trim()).get(0);
    }

    private static Instant occurredAt(long seq) throws Exception {
        return query("SELECT occurred_at FROM audit_record WHERE seq = " + seq,
                rows -> rows.getObject(1, OffsetDateTime.class).toInstant()).get(0);
    }

    private static List<Long> seqsAfter(long seq) throws Exception {
        return query("SELECT seq FROM audit_record WHERE seq > " + seq + " ORDER BY seq", rows -> rows.getLong(1));
    }

    // --- tampering, as the table's owner would, and putting it all back

    /**
     * Tampers with the trail from {@code from} on, checks that verification names {@code badSeq}
     * with a problem containing {@code problem}, then restores every row from {@code from} on and
     * the chain row, and checks that the chain verifies again.
     */
    private void tampered(long from, Tampering tampering, long badSeq, String problem) throws Exception {
        tampered(from, tampering, Map.of(), badSeq, problem);
    }

    private void tampered(long from, Tampering tampering, Map<Long, String> anchorsKeptElsewhere, long badSeq,
            String problem) throws Exception {
        try (Connection connection = database.getConnection()) {
            List<Object[]> rows = rowsFrom(connection, from);
            Object[] chain = chainRow(connection);
            refusalsAside(connection);
            try (Statement sql = connection.createStatement()) {
                tampering.on(sql);
                AuditVerdict verdict = verify(anchorsKeptElsewhere);
                assertFalse(verdict.valid(), "tampering caught");
                assertEquals(badSeq, verdict.firstBadSeq(), verdict::toString);
                assertTrue(verdict.problem().contains(problem), verdict.problem());
            } finally {
                restore(connection, from, rows, chain);
                refusalsBack(connection);
            }
        }
        AuditVerdict restored = verify();
        assertTrue(restored.valid(), "the trail put back verifies: " + restored);
    }

    /** Edits the record at {@code from} and recomputes every hash after it, the head's too. */
    private static void rewriteFrom(Statement sql, long from, boolean anchorsToo) throws SQLException {
        sql.executeUpdate("UPDATE audit_record SET actor = 'mallory' WHERE seq = " + from);
        String previous;
        try (ResultSet before = sql.executeQuery("SELECT hash FROM audit_record WHERE seq = " + (from - 1))) {
            previous = before.next() ? before.getString(1).trim() : ChainHash.GENESIS;
        }
        List<Object[]> rows = rowsFrom(sql.getConnection(), from);
        try (PreparedStatement rehash = sql.getConnection().prepareStatement(
                "UPDATE audit_record SET detail = ?, hash = ? WHERE seq = ?")) {
            for (Object[] row : rows) {
                long seq = ((Number) row[1]).longValue();
                String detail = (String) row[6];
                if (anchorsToo && "AUDIT_ANCHORED".equals(row[3])) {
                    detail = "{\"seq\":" + (seq - 1) + ",\"hash\":\"" + previous + "\"}";
                }
                String hash = ChainHash.of(previous, seq, ((OffsetDateTime) row[2]).toInstant(), (String) row[3],
                        (String) row[4], row[5] == null ? null : ((Number) row[5]).longValue(), detail);
                rehash.setString(1, detail);
                rehash.setString(2, hash);
                rehash.setLong(3, seq);
                rehash.executeUpdate();
                previous = hash;
            }
        }
        try (PreparedStatement head = sql.getConnection().prepareStatement("UPDATE audit_chain SET head_hash = ?")) {
            head.setString(1, previous);
            head.executeUpdate();
        }
    }

    private static List<Object[]> rowsFrom(Connection connection, long from) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet records = sql.executeQuery(
                "SELECT id, seq, occurred_at, kind, actor, export_id, detail, hash FROM audit_record WHERE seq >= "
                        + from + " ORDER BY seq")) {
            while (records.next()) {
                rows.add(new Object[] {records.getLong(1), records.getLong(2),
                    records.getObject(3, OffsetDateTime.class), records.getString(4), records.getString(5),
                    records.getObject(6), records.getString(7), records.getString(8).trim()});
            }
        }
        return rows;
    }

    private static Object[] chainRow(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet chain = sql.executeQuery(
                "SELECT head_seq, head_hash, start_seq, start_hash FROM audit_chain WHERE id = 1")) {
            chain.next();
            return new Object[] {chain.getLong(1), chain.getString(2).trim(), chain.getLong(3), chain.getString(4).trim()};
        }
    }

    private static void restore(Connection connection, long from, List<Object[]> rows, Object[] chain)
            throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM audit_record WHERE seq >= " + from + " OR seq < 0 OR id < 0");
            sql.executeUpdate("DELETE FROM audit_chain");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_record"
                + " (id, seq, occurred_at, kind, actor, export_id, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i] instanceof OffsetDateTime at ? at.withOffsetSameInstant(ZoneOffset.UTC)
                            : row[i]);
                }
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_chain"
                + " (id, head_seq, head_hash, start_seq, start_hash) VALUES (1, ?, ?, ?, ?)")) {
            for (int i = 0; i < chain.length; i++) {
                insert.setObject(i + 1, chain[i]);
            }
            insert.executeUpdate();
        }
    }

    /** What an owner does first: PostgreSQL lets them disable the triggers, H2 drop them. */
    private static void refusalsAside(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            if (isPostgreSql(connection)) {
                sql.execute("ALTER TABLE audit_record DISABLE TRIGGER USER");
                sql.execute("ALTER TABLE audit_chain DISABLE TRIGGER USER");
                sql.execute("ALTER TABLE audit_pending DISABLE TRIGGER USER");
            } else {
                sql.execute("DROP TRIGGER audit_record_append_only");
                sql.execute("DROP TRIGGER audit_chain_forward_only");
                sql.execute("DROP TRIGGER audit_pending_until_chained");
            }
        }
    }

    private static void refusalsBack(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            if (isPostgreSql(connection)) {
                sql.execute("ALTER TABLE audit_record ENABLE TRIGGER USER");
                sql.execute("ALTER TABLE audit_chain ENABLE TRIGGER USER");
                sql.execute("ALTER TABLE audit_pending ENABLE TRIGGER USER");
            } else {
                for (String create : AppendOnlyAudit.refusals(connection.getMetaData().getDatabaseProductName())) {
                    sql.execute(create);
                }
            }
        }
    }

    private static boolean isPostgreSql(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    private static <T> List<T> query(String select, Column<T> column) throws Exception {
        DataSource database = (DataSource) new javax.naming.InitialContext().lookup("java:jboss/datasources/ExportAuditDS");
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(select)) {
            List<T> values = new ArrayList<>();
            while (rows.next()) {
                values.add(column.of(rows));
            }
            return values;
        }
    }

    @FunctionalInterface
    private interface Tampering {
        void on(Statement sql) throws Exception;
    }

    @FunctionalInterface
    private interface Column<T> {
        T of(ResultSet rows) throws SQLException;
    }
}
