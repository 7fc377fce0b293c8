package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.exportaudit.audit.control.AppendOnlyAudit;
import org.exportaudit.audit.entity.ChainHash;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Chains the audit records written before the chain existed, in the order they were written (their
 * id), with the same hash the application computes (a script could not: the canonical record is
 * Java's), then makes seq and hash required, indexes the trail for reading newest first, and has
 * the database refuse what the trail must never see: an update, or a deletion other than the
 * retention's below the checkpoint ({@link AppendOnlyAudit}).
 */
public class V8_1__Chain_audit_records extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        chainExistingRecords(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE audit_record ALTER COLUMN seq SET NOT NULL");
            statement.execute("ALTER TABLE audit_record ALTER COLUMN hash SET NOT NULL");
            statement.execute("ALTER TABLE audit_record ADD CONSTRAINT audit_record_seq UNIQUE (seq)");
            // The trail newest first, whole or by one filter, a page at a time from a cursor (seq).
            statement.execute("CREATE INDEX audit_record_by_kind ON audit_record (kind, seq)");
            statement.execute("CREATE INDEX audit_record_by_actor ON audit_record (actor, seq)");
            statement.execute("DROP INDEX audit_record_by_export");
            statement.execute("CREATE INDEX audit_record_by_export ON audit_record (export_id, seq)");
            for (String sql : AppendOnlyAudit.refusals(connection.getMetaData().getDatabaseProductName())) {
                statement.execute(sql);
            }
        }
    }

    /** Gives each record its seq and hash, and the chain its row. */
    private static void chainExistingRecords(Connection connection) throws SQLException {
        long seq = 0;
        String hash = ChainHash.GENESIS;
        try (Statement select = connection.createStatement();
                ResultSet records = select.executeQuery("SELECT id, occurred_at, kind, actor, export_id, detail"
                        + " FROM audit_record ORDER BY id");
                PreparedStatement chain = connection.prepareStatement(
                        "UPDATE audit_record SET seq = ?, hash = ? WHERE id = ?")) {
            while (records.next()) {
                seq++;
                Number exportId = (Number) records.getObject(5);
                hash = ChainHash.of(hash, seq, records.getObject(2, OffsetDateTime.class).toInstant(),
                        records.getString(3), records.getString(4), exportId == null ? null : exportId.longValue(),
                        records.getString(6));
                chain.setLong(1, seq);
                chain.setString(2, hash);
                chain.setLong(3, records.getLong(1));
                chain.addBatch();
                if (seq % 1_000 == 0) {
                    chain.executeBatch();
                }
            }
            chain.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement("INSERT INTO audit_chain"
                + " (id, head_seq, head_hash, start_seq, start_hash) VALUES (1, ?, ?, 0, ?)")) {
            head.setLong(1, seq);
            head.setString(2, hash);
            head.setString(3, ChainHash.GENESIS);
            head.executeUpdate();
        }
    }
}
