package org.exportaudit.audit.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.api.Trigger;

/**
 * The database's own refusal of what the audit trail must never see, whoever connects: an update
 * of a record, a deletion other than the retention's (records at or below the checkpoint, which the
 * retention moves first, in the same transaction), a chain row that moves backwards or
 * disappears, and a pending record changed, or deleted before it is in the chain. It stops a mistaken statement and anyone without the table owner's rights; an owner
 * can drop a trigger, and that is what the hash chain and its anchors catch.
 *
 * <p>On PostgreSQL, PL/pgSQL functions; on H2 (the embedded default), this class is the trigger:
 * H2 loads it through the caller's context class loader, which is this application's.
 */
public class AppendOnlyAudit implements Trigger {

    private static final String REFUSED = "The audit trail is append-only: ";

    private String table;
    private int idColumn;
    private int seqColumn;
    private int headSeqColumn;
    private int startSeqColumn;
    private int startHashColumn;

    /** The statements that put the refusals in place on the database of this product name. */
    public static List<String> refusals(String databaseProductName) {
        if (databaseProductName.toLowerCase().contains("postgres")) {
            return List.of("""
                    CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'DELETE' AND OLD.seq <= (SELECT start_seq FROM audit_chain WHERE id = 1) THEN
                            RETURN OLD;
                        END IF;
                        RAISE EXCEPTION 'The audit trail is append-only: % of record #% refused', TG_OP, OLD.seq
                            USING ERRCODE = 'insufficient_privilege';
                    END $$""", """
                    CREATE FUNCTION audit_trail_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION 'The audit trail is append-only: TRUNCATE of % refused', TG_TABLE_NAME
                            USING ERRCODE = 'insufficient_privilege';
                    END $$""", """
                    CREATE FUNCTION audit_pending_until_chained() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_record WHERE id = OLD.id) THEN
                            RETURN OLD;
                        END IF;
                        RAISE EXCEPTION 'The audit trail is append-only: % of pending record % refused', TG_OP, OLD.id
                            USING ERRCODE = 'insufficient_privilege';
                    END $$""", """
                    CREATE FUNCTION audit_chain_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF TG_OP = 'UPDATE' AND NEW.head_seq >= OLD.head_seq AND NEW.start_seq >= OLD.start_seq
                                AND (NEW.start_seq > OLD.start_seq OR NEW.start_hash = OLD.start_hash) THEN
                            RETURN NEW;
                        END IF;
                        RAISE EXCEPTION 'The audit trail is append-only: its chain moves forward only (% refused)', TG_OP
                            USING ERRCODE = 'insufficient_privilege';
                    END $$""",
                    "CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record"
                            + " FOR EACH ROW EXECUTE FUNCTION audit_record_append_only()",
                    "CREATE TRIGGER audit_record_not_truncated BEFORE TRUNCATE ON audit_record"
                            + " FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_not_truncated()",
                    "CREATE TRIGGER audit_chain_forward_only BEFORE UPDATE OR DELETE ON audit_chain"
                            + " FOR EACH ROW EXECUTE FUNCTION audit_chain_forward_only()",
                    "CREATE TRIGGER audit_pending_until_chained BEFORE UPDATE OR DELETE ON audit_pending"
                            + " FOR EACH ROW EXECUTE FUNCTION audit_pending_until_chained()",
                    "CREATE TRIGGER audit_pending_not_truncated BEFORE TRUNCATE ON audit_pending"
                            + " FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_not_truncated()",
                    "CREATE TRIGGER audit_chain_not_truncated BEFORE TRUNCATE ON audit_chain"
                            + " FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_not_truncated()");
        }
        String trigger = AppendOnlyAudit.class.getName();
        return List.of(
                "CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record FOR EACH ROW CALL \""
                        + trigger + "\"",
                "CREATE TRIGGER audit_chain_forward_only BEFORE UPDATE, DELETE ON audit_chain FOR EACH ROW CALL \""
                        + trigger + "\"",
                "CREATE TRIGGER audit_pending_until_chained BEFORE UPDATE, DELETE ON audit_pending FOR EACH ROW CALL \""
                        + trigger + "\"");
    }

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        this.table = table.toLowerCase();
        idColumn = column(connection, schema, table, "ID");
        seqColumn = column(connection, schema, table, "SEQ");
        headSeqColumn = column(connection, schema, table, "HEAD_SEQ");
        startSeqColumn = column(connection, schema, table, "START_SEQ");
        startHashColumn = column(connection, schema, table, "START_HASH");
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        if (table.equals("audit_pending")) {
            long id = number(before, idColumn);
            if (after == null && chained(connection, id)) {
                return;
            }
            throw new SQLException(REFUSED + (after == null ? "DELETE" : "UPDATE") + " of pending record " + id
                    + " refused", "42501");
        }
        if (table.equals("audit_chain")) {
            if (after == null || number(after, headSeqColumn) < number(before, headSeqColumn)
                    || number(after, startSeqColumn) < number(before, startSeqColumn)
                    || number(after, startSeqColumn) == number(before, startSeqColumn)
                    && !after[startHashColumn].equals(before[startHashColumn])) {
                throw new SQLException(REFUSED + "its chain moves forward only", "42501");
            }
            return;
        }
        long seq = number(before, seqColumn);
        if (after == null && seq <= checkpoint(connection)) {
            return;
        }
        throw new SQLException(REFUSED + (after == null ? "DELETE" : "UPDATE") + " of record #" + seq + " refused",
                "42501");
    }

    private static boolean chained(Connection connection, long id) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet record = statement.executeQuery("SELECT 1 FROM audit_record WHERE id = " + id)) {
            return record.next();
        }
    }

    private static long checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet chain = statement.executeQuery("SELECT start_seq FROM audit_chain WHERE id = 1")) {
            return chain.next() ? chain.getLong(1) : 0;
        }
    }

    private static long number(Object[] row, int column) {
        return ((Number) row[column]).longValue();
    }

    /** The column's place in the row H2 hands over, or -1 where the table has no such column. */
    private static int column(Connection connection, String schema, String table, String name) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, name)) {
            return columns.next() ? columns.getInt("ORDINAL_POSITION") - 1 : -1;
        }
    }
}
