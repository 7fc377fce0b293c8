package org.exportaudit.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.ChainHash;
import org.exportaudit.audit.view.AuditAnchor;
import org.exportaudit.audit.view.AuditVerdict;

/**
 * Verifies the audit chain over a plain JDBC connection, so that the server ({@code GET
 * /audit/verify}) and an operator without it ({@code bin/verify-audit}) check the same things: the
 * start (genesis, or the retention's checkpoint, signed off by the newest checkpoint record),
 * contiguous seq, every hash and so every link, the head, every anchor the chain holds, and the
 * anchors an operator kept elsewhere. It stops at the first bad place and names it.
 *
 * <p>It reads the trail in one pass in seq order, a thousand rows at a time, in a transaction of its
 * own in one snapshot ({@link #oneSnapshot}): PostgreSQL streams only inside a transaction, and there the
 * head and the records are as of one moment. It checks the trail up to the head it read first: a record
 * past that head is one chained since, if the head read again covers it, and forged otherwise. The
 * connection must not take part in another transaction; it is given back as it came.
 */
public final class ChainVerifier {

    private static final Pattern ANCHORED_SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");
    private static final Pattern ANCHORED_HASH = Pattern.compile("\"hash\"\\s*:\\s*\"([0-9a-f]{64})\"");
    private static final Pattern CHECKPOINT_SEQ = Pattern.compile("\"deletedThrough\"\\s*:\\s*(\\d+)");

    private final Connection connection;
    private final Map<Long, String> anchorsKeptElsewhere;

    private long checked;
    private AuditAnchor lastAnchor;

    /** Verifies the chain on {@code connection}; {@code anchorsKeptElsewhere} maps seq to the hash published for it. */
    public ChainVerifier(Connection connection, Map<Long, String> anchorsKeptElsewhere) {
        this.connection = connection;
        this.anchorsKeptElsewhere = Map.copyOf(anchorsKeptElsewhere);
    }

    public AuditVerdict verify() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(oneSnapshot(connection));
        try {
            return verifyInOneSnapshot();
        } finally {
            connection.rollback(); // it only read
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The isolation in which the head and the records are one snapshot. PostgreSQL's REPEATABLE READ is one;
     * H2's is not: it reads each table as of its first read there, so a record chained between reading the head
     * and reading the trail showed up past a head that, read again, still said the older seq (a false "forged",
     * seen in AuditChainIT). H2's SERIALIZABLE admits no phantoms: the trail as of the head.
     */
    private static int oneSnapshot(Connection connection) throws SQLException {
        return "H2".equals(connection.getMetaData().getDatabaseProductName()) ? Connection.TRANSACTION_SERIALIZABLE
                : Connection.TRANSACTION_REPEATABLE_READ;
    }

    private AuditVerdict verifyInOneSnapshot() throws SQLException {
        ChainHead.Head head = head();
        if (head == null) {
            return bad(null, 1, "the chain's head row (audit_chain) is missing");
        }
        long expected = head.startSeq() + 1;
        String previous = head.startHash();
        Long checkpointThrough = null;
        String checkpointHash = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, occurred_at, kind, actor, export_id,"
                + " detail, hash FROM audit_record ORDER BY seq")) {
            select.setFetchSize(1_000);
            try (ResultSet records = select.executeQuery()) {
                while (records.next()) {
                    long seq = records.getLong(1);
                    Instant at = records.getObject(2, OffsetDateTime.class).toInstant();
                    String kind = records.getString(3);
                    Number exportId = (Number) records.getObject(5);
                    String detail = records.getString(6);
                    String hash = records.getString(7).trim();
                    if (seq < expected) {
                        return bad(head, seq, "#" + seq + " lies at or before the chain's start (checkpoint #"
                                + head.startSeq() + "): the retention deleted it, yet it is here");
                    }
                    if (seq > head.seq()) {
                        if (seq <= head().seq()) {
                            break; // chained since the head was read (H2's REPEATABLE READ shows newer rows): checked to there
                        }
                        return bad(head, seq, "#" + seq + " lies after the chain's head #" + head.seq()
                                + ": the application did not write it");
                    }
                    if (seq > expected) {
                        return bad(head, expected, "#" + expected + " is missing: "
                                + (expected == head.startSeq() + 1 ? "the chain starts there" : "#" + (expected - 1)
                                + " is followed by #" + seq));
                    }
                    if (!hash.equals(ChainHash.of(previous, seq, at, kind, records.getString(4),
                            exportId == null ? null : exportId.longValue(), detail))) {
                        return bad(head, seq, "#" + seq + " does not match its hash: the record, or the hash of #"
                                + (seq - 1) + " it links to, was changed");
                    }
                    if (AuditKind.AUDIT_ANCHORED.name().equals(kind)) {
                        AuditAnchor anchor = new AuditAnchor(number(ANCHORED_SEQ, detail), text(ANCHORED_HASH, detail), at);
                        if (anchor.seq() != seq - 1 || !previous.equals(anchor.hash())) {
                            return bad(head, seq, "the anchor #" + seq + " published #" + anchor.seq() + " with another"
                                    + " hash than the chain's");
                        }
                        lastAnchor = anchor;
                    }
                    if (AuditKind.AUDIT_CHECKPOINT.name().equals(kind)) {
                        checkpointThrough = number(CHECKPOINT_SEQ, detail);
                        checkpointHash = text(ANCHORED_HASH, detail);
                    }
                    String keptElsewhere = anchorsKeptElsewhere.get(seq);
                    if (keptElsewhere != null && !keptElsewhere.equalsIgnoreCase(hash)) {
                        return bad(head, seq, "#" + seq + " has another hash than the anchor published for it ("
                                + keptElsewhere + "): the trail was rewritten from there on or before");
                    }
                    previous = hash;
                    expected = seq + 1;
                    checked++;
                }
            }
        }
        if (expected - 1 < head.seq()) {
            return bad(head, expected, "#" + expected + " is missing: the trail ends at #" + (expected - 1)
                    + " but the head is #" + head.seq());
        }
        if (!previous.equals(head.hash())) {
            return bad(head, head.seq(), "the head's hash is not the hash of #" + head.seq());
        }
        if (head.startSeq() > 0 && (checkpointThrough == null || checkpointThrough != head.startSeq()
                || !head.startHash().equals(checkpointHash))) {
            return bad(head, head.startSeq() + 1, "the chain starts at #" + head.startSeq() + ", but "
                    + (checkpointThrough == null ? "no checkpoint record says the retention deleted up to there"
                    : "the newest checkpoint record says the retention deleted up to #" + checkpointThrough
                    + " with hash " + checkpointHash));
        }
        if (head.startSeq() == 0 && checkpointThrough != null) {
            return bad(head, 1, "the chain starts at the genesis, but a checkpoint record says the retention deleted"
                    + " up to #" + checkpointThrough);
        }
        for (Map.Entry<Long, String> anchor : anchorsKeptElsewhere.entrySet()) {
            if (anchor.getKey() > head.seq()) {
                return bad(head, anchor.getKey(), "an anchor was published for #" + anchor.getKey() + ", past the head #"
                        + head.seq() + ": records were removed from the end");
            }
        }
        return new AuditVerdict(true, checked, head.seq(), head.hash(), null, null, lastAnchor);
    }

    private ChainHead.Head head() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet chain = statement.executeQuery(
                        "SELECT head_seq, head_hash, start_seq, start_hash FROM audit_chain WHERE id = 1")) {
            return chain.next() ? new ChainHead.Head(chain.getLong(1), chain.getString(2).trim(), chain.getLong(3),
                    chain.getString(4).trim()) : null;
        }
    }

    private AuditVerdict bad(ChainHead.Head head, long seq, String problem) {
        return new AuditVerdict(false, checked, head == null ? 0 : head.seq(), head == null ? null : head.hash(), seq,
                problem, lastAnchor);
    }

    private static long number(Pattern pattern, String detail) {
        Matcher matcher = pattern.matcher(detail);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static String text(Pattern pattern, String detail) {
        Matcher matcher = pattern.matcher(detail);
        return matcher.find() ? matcher.group(1) : "";
    }
}
