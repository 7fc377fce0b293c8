import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.exportaudit.audit.control.ChainVerifier;
import org.exportaudit.audit.entity.ChainHash;
import org.exportaudit.audit.view.AuditVerdict;

/**
 * The audit chain's costs, on the bench's PostgreSQL database after the server migrated it (run by
 * bin/bench; alone: java -cp ejb-module/target/classes:postgresql.jar bench/AuditChainBench.java URL).
 *
 * 1. Audited actions per second, 8 writers, each action one transaction that changes a business
 *    row (a threshold) and writes its audit record: with the chain (the application's statements:
 *    the record written pending, and a chainer that, nudged after each commit as the application's
 *    ChainTrigger is, chains what is pending in batches under the head's lock: head row updated,
 *    read, pending read, hash, insert, pending deleted, head moved) against the same action writing
 *    the record as before the chain (an id from a sequence, no lock, no hash) into a copy of the
 *    table. Also how far the chain lags behind: the most records pending, and the time the chainer
 *    needs after the last action.
 * 2. Verification speed: the trail grown to VERIFY_ROWS records, verified by the verifier that
 *    GET /audit/verify and bin/verify-audit run.
 */
public class AuditChainBench {

    static int WRITERS = Integer.getInteger("writers", 8);
    static final int SECONDS = Integer.getInteger("seconds", 10);
    static final int ROUNDS = Integer.getInteger("rounds", 2);

    public static void main(String[] arguments) throws Exception {
        String url = arguments[0];
        long verifyRows = arguments.length > 1 ? Long.parseLong(arguments[1]) : 1_000_000;
        try (Connection setup = DriverManager.getConnection(url, "postgres", null); Statement sql = setup.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_audit_plain");
            sql.execute("CREATE TABLE bench_audit_plain (LIKE audit_record INCLUDING DEFAULTS)");
            sql.execute("ALTER TABLE bench_audit_plain ADD PRIMARY KEY (id)");
            sql.execute("DROP TABLE IF EXISTS bench_threshold");
            sql.execute("CREATE TABLE bench_threshold (admin VARCHAR(255) PRIMARY KEY, records INTEGER NOT NULL)");
            for (int w = 0; w < WRITERS; w++) {
                sql.execute("INSERT INTO bench_threshold VALUES ('admin-" + w + "', 1)");
            }
        }
        // Alternating rounds, the best of ROUNDS each: the machine's speed varies from minute to minute.
        double plain = 0;
        double chained = 0;
        for (int round = 0; round < ROUNDS; round++) {
            plain = Math.max(plain, actionsPerSecond(url, false));
            chained = Math.max(chained, actionsPerSecond(url, true));
        }
        System.out.printf("audited actions/s, %d writers: without the chain %.0f, with it %.0f (cost %.1f %%)%n",
                WRITERS, plain, chained, (1 - chained / plain) * 100);

        grow(url, verifyRows);
        try (Connection connection = DriverManager.getConnection(url, "postgres", null)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            AuditVerdict verdict = new ChainVerifier(connection, Map.of()).verify();
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.rollback();
            if (!verdict.valid()) {
                throw new AssertionError("the bench's chain does not verify: " + verdict);
            }
            System.out.printf("verification: %d records in %.2f s = %.0f records/s%n", verdict.checked(), seconds,
                    verdict.checked() / seconds);
        }
        try (Connection cleanup = DriverManager.getConnection(url, "postgres", null); Statement sql = cleanup.createStatement()) {
            sql.execute("DROP TABLE bench_audit_plain");
            sql.execute("DROP TABLE bench_threshold");
        }
    }

    static final Semaphore NUDGES = new Semaphore(0);
    static final AtomicLong MOST_PENDING = new AtomicLong();

    /** WRITERS threads doing audited actions for SECONDS seconds: how many per second. */
    static double actionsPerSecond(String url, boolean chain) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS + 1);
        Future<Double> chainer = chain ? writers.submit(() -> chainer(url, running)) : null;
        List<Future<Long>> counts = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String admin = "admin-" + w;
            counts.add(writers.submit(() -> {
                long actions = 0;
                try (Connection connection = DriverManager.getConnection(url, "postgres", null)) {
                    connection.setAutoCommit(false);
                    while (running.get()) {
                        action(connection, admin, chain);
                        actions++;
                    }
                }
                return actions;
            }));
        }
        long start = System.nanoTime();
        Thread.sleep(SECONDS * 1_000L); // the measured interval, not a wait for a condition
        running.set(false);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (chainer != null) {
            NUDGES.release();
            System.out.printf("   chain: at most %d records pending; the last action chained %.0f ms after it%n",
                    MOST_PENDING.getAndSet(0), chainer.get() * 1000);
        }
        writers.shutdown();
        return total / seconds;
    }

    /** The application's chainer: a batch per nudge; answers how long it took to catch up once the writers stopped. */
    static double chainer(String url, AtomicBoolean running) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null)) {
            connection.setAutoCommit(false);
            while (running.get()) {
                NUDGES.acquire();
                NUDGES.drainPermits();
                while (chainBatch(connection) == 1_000) {
                    // a backlog: the next batch
                }
            }
            long stopped = System.nanoTime();
            while (chainBatch(connection) > 0) {
                // what the writers left
            }
            return (System.nanoTime() - stopped) / 1e9;
        }
    }

    static int chainBatch(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE audit_chain SET head_seq = head_seq WHERE id = 1");
            long seq;
            String previous;
            try (ResultSet head = sql.executeQuery("SELECT head_seq, head_hash FROM audit_chain WHERE id = 1")) {
                head.next();
                seq = head.getLong(1);
                previous = head.getString(2).trim();
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet pending = sql.executeQuery("SELECT id, occurred_at, kind, actor, export_id, detail"
                    + " FROM audit_pending ORDER BY id LIMIT 1000")) {
                while (pending.next()) {
                    seq++;
                    Instant at = pending.getObject(2, OffsetDateTime.class).toInstant();
                    // the server's own records too (its retention, say) may be pending: each keeps what it says
                    Long exportId = pending.getObject(5, Long.class);
                    String hash = ChainHash.of(previous, seq, at, pending.getString(3), pending.getString(4), exportId,
                            pending.getString(6));
                    insert(connection, "audit_record", Long.toString(pending.getLong(1)), seq, hash, at,
                            pending.getString(3), pending.getString(4), exportId, pending.getString(6));
                    ids.add(pending.getLong(1));
                    previous = hash;
                }
            }
            if (!ids.isEmpty()) {
                MOST_PENDING.accumulateAndGet(ids.size(), Math::max);
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_pending WHERE id = ANY (?)")) {
                    delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                    delete.executeUpdate();
                }
                try (PreparedStatement head = connection.prepareStatement(
                        "UPDATE audit_chain SET head_seq = ?, head_hash = ? WHERE id = 1")) {
                    head.setLong(1, seq);
                    head.setString(2, previous);
                    head.executeUpdate();
                }
            }
            connection.commit();
            return ids.size();
        }
    }

    static void action(Connection connection, String admin, boolean chain) throws SQLException {
        try (PreparedStatement change = connection.prepareStatement(
                "UPDATE bench_threshold SET records = records % 275000 + 1 WHERE admin = ?")) {
            change.setString(1, admin);
            change.executeUpdate();
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String detail = "{\"from\":1,\"to\":2}";
        if (chain) {
            try (PreparedStatement pending = connection.prepareStatement("INSERT INTO audit_pending"
                    + " (id, occurred_at, kind, actor, export_id, detail)"
                    + " VALUES (nextval('audit_record_id_seq'), ?, 'THRESHOLD_CHANGED', ?, NULL, ?)")) {
                pending.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                pending.setString(2, admin);
                pending.setString(3, detail);
                pending.executeUpdate();
            }
        } else {
            insert(connection, "bench_audit_plain", "nextval('audit_record_id_seq')", 0, "", at, "THRESHOLD_CHANGED", admin,
                    null, detail);
        }
        connection.commit();
        if (chain) {
            NUDGES.release(); // after the commit, as the application's ChainTrigger
        }
    }

    static void insert(Connection connection, String table, String id, long seq, String hash, Instant at, String kind,
            String actor, Long exportId, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (id, seq, hash, occurred_at, kind, actor, export_id, detail) VALUES (" + id + ", ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, hash);
            insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(4, kind);
            insert.setString(5, actor);
            insert.setObject(6, exportId, Types.BIGINT);
            insert.setString(7, detail);
            insert.executeUpdate();
        }
    }

    /** Appends chained records, in batches, until the trail holds {@code rows}. */
    static void grow(String url, long rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null)) {
            connection.setAutoCommit(false);
            long seq;
            String previous;
            long start;
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("UPDATE audit_chain SET head_seq = head_seq WHERE id = 1");
                try (ResultSet head = sql.executeQuery("SELECT head_seq, head_hash, start_seq FROM audit_chain WHERE id = 1")) {
                    head.next();
                    seq = head.getLong(1);
                    previous = head.getString(2).trim();
                    start = head.getLong(3);
                }
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_record"
                    + " (id, seq, hash, occurred_at, kind, actor, export_id, detail)"
                    + " VALUES (nextval('audit_record_id_seq'), ?, ?, ?, 'FILE_DOWNLOADED', 'bob', ?, ?)")) {
                while (seq - start < rows) {
                    seq++;
                    String detail = "{\"ipAddress\":\"10.0.0." + seq % 250 + "\",\"userAgent\":\"Mozilla/5.0 (bench)\"}";
                    String hash = ChainHash.of(previous, seq, at, "FILE_DOWNLOADED", "bob", seq % 5000, detail);
                    insert.setLong(1, seq);
                    insert.setString(2, hash);
                    insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    insert.setLong(4, seq % 5000);
                    insert.setString(5, detail);
                    insert.addBatch();
                    previous = hash;
                    if (seq % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE audit_chain SET head_seq = ?, head_hash = ? WHERE id = 1")) {
                head.setLong(1, seq);
                head.setString(2, previous);
                head.executeUpdate();
            }
            connection.commit();
        }
    }
}
