package org.exportaudit.platform;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;

/**
 * The application's persistence unit on an in-memory H2 database, outside the server: for unit tests that must run
 * the JPQL and the mappings production runs (the server's own unit is JTA; here the transactions are the test's).
 */
public final class H2Persistence {

    private H2Persistence() {
    }

    /** The unit "export-audit" on the database at {@code url}, whose schema the test migrated. */
    public static EntityManagerFactory unit(String url) {
        return Persistence.createEntityManagerFactory("export-audit", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "jakarta.persistence.jdbc.url", url,
                "eclipselink.target-server", "None",
                "eclipselink.logging.level", "SEVERE"));
    }
}
