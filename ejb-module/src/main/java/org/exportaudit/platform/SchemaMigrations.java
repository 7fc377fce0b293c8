package org.exportaudit.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date when the application starts: the versioned scripts in
 * db/migration, each applied once and recorded, on H2 and PostgreSQL alike. Nothing is dropped;
 * a script that was changed after it ran stops the deployment instead of being run again.
 */
@Startup
@Singleton
@DenyAll // only the container calls it (at start): no other deployment may
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits each script itself
public class SchemaMigrations {

    @Resource(lookup = "java:jboss/datasources/ExportAuditDS")
    DataSource database;

    @PostConstruct
    void migrate() {
        apply(database, "db/migration", "schema_version");
    }

    /**
     * Applies the scripts of a classpath folder that have not run yet, recording them in their
     * own history table.
     */
    public static void apply(DataSource database, String folder, String historyTable) {
        Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(database)
                .locations("classpath:" + folder)
                .table(historyTable)
                // The batch job repository and the timer store share this datasource and create
                // their own tables when the server boots, before this runs: version 0 stands for
                // that state, and our scripts start at version 1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
