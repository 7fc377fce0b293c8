package org.exportaudit.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.LongFunction;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.exportaudit.demo.control.CrmRecords;
import org.exportaudit.demo.control.DemoHistory;
import org.exportaudit.demo.control.HistoryReplay;
import org.exportaudit.platform.SchemaMigrations;
import org.exportaudit.platform.Settings;

/**
 * The demo CRM for the embedded default: with {@code -Dexport-audit.demo-records=true} (bin/demo
 * and the tests) its tables are created and filled on first start, the same records every time. A
 * production server, without the property, never gets them. With {@code
 * -Dexport-audit.demo-history=true} as well (bin/demo only: the tests count their own exports and
 * audit records), a database without exports and audit records gets 60 days of them on its first
 * start ({@link DemoHistory}), so that a newcomer meets a log, a dashboard and a trail.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@DenyAll // only the container calls it (at start): no other deployment may
@TransactionManagement(TransactionManagementType.BEAN) // a commit per batch of rows
public class DemoRecords {

    private static final Logger LOG = Logger.getLogger(DemoRecords.class.getName());

    private static final long SEED = 20_261_124L;
    private static final int BATCH = 2_000;

    @Resource(lookup = "java:jboss/datasources/ExportAuditDS")
    DataSource database;

    @Inject
    HistoryReplay history;

    @Inject
    Settings settings;

    @PostConstruct
    void fillOnFirstStart() {
        if (!settings.get(Settings.DEMO_RECORDS)) {
            return;
        }
        // A history of its own, so the demo tables never mix with the product's migrations.
        SchemaMigrations.apply(database, "db/demo", "demo_schema_version");
        try {
            if (isEmpty()) {
                long started = System.nanoTime();
                CrmRecords records = new CrmRecords(SEED);
                insert("INSERT INTO crm_company VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", CrmRecords.COMPANIES, records::company);
                insert("INSERT INTO crm_contact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        CrmRecords.CONTACTS, records::contact);
                insert("INSERT INTO crm_deal VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", CrmRecords.DEALS, records::deal);
                LOG.info(() -> String.format("Demo CRM records created: %,d companies, %,d contacts, %,d deals in %d ms",
                        CrmRecords.COMPANIES, CrmRecords.CONTACTS, CrmRecords.DEALS,
                        (System.nanoTime() - started) / 1_000_000));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the demo CRM records", e);
        }
        if (settings.get(Settings.DEMO_HISTORY)) {
            long started = System.nanoTime();
            int exports = history.replayOnce(SEED);
            if (exports > 0) {
                LOG.info(() -> String.format("Demo history written: %d exports of the last %d days in %d ms", exports,
                        DemoHistory.DAYS, (System.nanoTime() - started) / 1_000_000));
            }
        }
    }

    private boolean isEmpty() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM crm_contact");
                ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1) == 0;
        }
    }

    private void insert(String sql, int rows, LongFunction<Object[]> record) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (long id = 1; id <= rows; id++) {
                Object[] values = record.apply(id);
                for (int column = 0; column < values.length; column++) {
                    Object value = values[column] instanceof LocalDate date ? Date.valueOf(date) : values[column];
                    insert.setObject(column + 1, value);
                }
                insert.addBatch();
                if (id % BATCH == 0 || id == rows) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }
}
