package org.exportaudit.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.sql.DataSource;

/**
 * The audit trail as the tests inside the server read it: a change's record is written with the
 * change and joins the chain (audit_record) right after the commit, on a thread of its own. A test
 * that reads records waits until nothing is pending, so that it sees every record of what it did,
 * and an assertion that a record is absent means it was never written.
 */
final class Trail {

    private Trail() {
    }

    /** Waits, at most 10 seconds, until every committed audit record is in the chain. */
    static void caughtUp() {
        try {
            DataSource database = (DataSource) new InitialContext().lookup("java:jboss/datasources/ExportAuditDS");
            Poll.untilTrue(Duration.ofSeconds(10), Duration.ofMillis(10), () -> {
                try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
                        ResultSet pending = sql.executeQuery("SELECT COUNT(*) FROM audit_pending")) {
                    pending.next();
                    return pending.getLong(1) == 0;
                }
            }, () -> "audit records still wait to be chained");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("the audit trail could not be read", e);
        }
    }
}
