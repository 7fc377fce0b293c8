package org.exportaudit.audit.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exportaudit.audit.control.ChainVerifier;
import org.exportaudit.audit.view.AuditVerdict;

/**
 * {@code bin/verify-audit}: verifies the audit chain straight from the database, without the
 * server, as an operator or an auditor does who trusts neither. Exit status 0 when the chain is
 * valid, 1 when it is not (the first bad seq and what is wrong are printed), 2 when it could not
 * be read.
 *
 * <pre>
 * verify-audit --url jdbc:postgresql://db:5432/export_audit [--user u] [--anchor SEQ:HASH]... [--anchors FILE]...
 * </pre>
 * The password comes from the environment ({@code EXPORT_AUDIT_DB_PASSWORD}), never the command
 * line, where other users of the machine could read it. Anchors kept elsewhere are checked too:
 * given one by one, or as files holding lines {@code seq=N hash=H} (the server log's anchor lines).
 */
public final class VerifyAudit {

    private static final Pattern ANCHOR_LINE = Pattern.compile("seq=(\\d+) hash=([0-9a-fA-F]{64})");
    private static final Pattern ANCHOR_ARGUMENT = Pattern.compile("(\\d+):([0-9a-fA-F]{64})");

    private VerifyAudit() {
    }

    public static void main(String[] arguments) {
        System.exit(run(arguments, System.out, System.err));
    }

    static int run(String[] arguments, PrintStream out, PrintStream err) {
        String url = System.getenv("EXPORT_AUDIT_DB_URL");
        String user = System.getenv("EXPORT_AUDIT_DB_USER");
        Map<Long, String> anchors = new HashMap<>();
        try {
            for (int i = 0; i < arguments.length; i++) {
                String option = arguments[i];
                String value = i + 1 < arguments.length ? arguments[++i] : null;
                if (value == null) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                switch (option) {
                    case "--url" -> url = value;
                    case "--user" -> user = value;
                    case "--anchor" -> anchor(value, anchors);
                    case "--anchors" -> anchorsIn(Path.of(value), anchors);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url (or EXPORT_AUDIT_DB_URL) is required");
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("verify-audit: " + e.getMessage());
            err.println("usage: verify-audit --url JDBC_URL [--user USER] [--anchor SEQ:HASH]... [--anchors FILE]...");
            err.println("       the password, if any, in the environment variable EXPORT_AUDIT_DB_PASSWORD");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(url, user, System.getenv("EXPORT_AUDIT_DB_PASSWORD"))) {
            connection.setAutoCommit(false); // PostgreSQL streams the trail only inside a transaction
            connection.setReadOnly(true);
            AuditVerdict verdict = new ChainVerifier(connection, anchors).verify();
            connection.rollback();
            print(verdict, anchors.size(), out);
            return verdict.valid() ? 0 : 1;
        } catch (SQLException e) {
            err.println("verify-audit: the audit chain could not be read: " + e.getMessage());
            return 2;
        }
    }

    private static void print(AuditVerdict verdict, int anchorsKeptElsewhere, PrintStream out) {
        if (verdict.valid()) {
            out.printf("Audit chain valid: %d records checked, head #%d %s%n", verdict.checked(), verdict.headSeq(),
                    verdict.headHash());
        } else {
            out.printf("Audit chain BROKEN at #%d: %s%n(%d records checked before it; head #%d)%n",
                    verdict.firstBadSeq(), verdict.problem(), verdict.checked(), verdict.headSeq());
        }
        if (verdict.lastAnchor() != null) {
            out.printf("Last anchor in the chain: #%d %s at %s%n", verdict.lastAnchor().seq(), verdict.lastAnchor().hash(),
                    verdict.lastAnchor().at());
        }
        if (anchorsKeptElsewhere > 0) {
            out.printf("Anchors kept elsewhere, checked: %d%n", anchorsKeptElsewhere);
        }
    }

    private static void anchor(String value, Map<Long, String> anchors) {
        Matcher anchor = ANCHOR_ARGUMENT.matcher(value);
        if (!anchor.matches()) {
            throw new IllegalArgumentException("--anchor takes SEQ:HASH (a 64-digit hex SHA-256), not " + value);
        }
        anchors.put(Long.parseLong(anchor.group(1)), anchor.group(2).toLowerCase());
    }

    private static void anchorsIn(Path file, Map<Long, String> anchors) throws IOException {
        try (var lines = Files.lines(file)) {
            lines.map(ANCHOR_LINE::matcher).filter(Matcher::find)
                    .forEach(anchor -> anchors.put(Long.parseLong(anchor.group(1)), anchor.group(2).toLowerCase()));
        }
    }
}
