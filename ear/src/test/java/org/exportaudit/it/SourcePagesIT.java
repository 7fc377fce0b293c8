package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.exportaudit.export.control.KeysetRead;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Source;
import org.exportaudit.export.entity.IndexPaging;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index pages read by keyset, on the sources' own database (H2, or PostgreSQL with
 * -Ppostgresql): the 100,000 demo contacts walked page by page, then a far page, the pages around
 * it, the last page and back from it, each compared with what the database's own ORDER BY gives —
 * by id (the demo's declaration), and by creation day then id, where thousands of contacts share a
 * day and the id breaks the ties.
 */
@ExtendWith(ArquillianExtension.class)
class SourcePagesIT {

    private static final String SOURCES = "java:jboss/datasources/ExportAuditSourcesDS";
    /** The pages a viewer jumps between. */
    private static final int SIZE = 100;
    /**
     * The pages of the walk through every record: large, because H2 sorts the demo's query for each
     * page (it does not take the condition into the joined subquery); what is checked is the same.
     */
    private static final int WALK = 5_000;

    @Inject
    SourceCatalog catalog;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(SourcePagesIT.class);
    }

    @Test
    void the_contacts_by_id_page_by_page_far_and_last() throws Exception {
        walk(catalog.named("contacts"), "SELECT id FROM crm_contact ORDER BY id");
    }

    @Test
    void the_contacts_by_day_then_id_page_by_page_far_and_last() throws Exception {
        Source byDay = new Source("contacts-by-day", "Contacts by day", SOURCES,
                "SELECT id, created_on, last_name FROM crm_contact", "created_on, id",
                List.of(new Column("id", "Id", Column.Type.NUMBER), new Column("created_on", "Created", Column.Type.DATE),
                        new Column("last_name", "Last name")));
        walk(byDay, "SELECT id FROM crm_contact ORDER BY created_on, id");
    }

    private void walk(Source source, String orderedIds) throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup(SOURCES);
        try (Connection connection = dataSource.getConnection()) {
            List<Long> expected = ids(connection, orderedIds);
            int records = expected.size();
            assertTrue(records >= 100_000, "the demo contacts: " + records);

            IndexPaging pages = new IndexPaging(records);
            List<Long> walked = new ArrayList<>(records);
            for (int first = 0; first < records; first += WALK) {
                walked.addAll(page(pages, connection, source, first, WALK));
            }
            assertEquals(records, new HashSet<>(walked).size(), "no record twice");
            assertEquals(expected, walked, "every record once, in the database's order");

            // a viewer that jumps: a far page, its neighbours, the last page and back from it
            IndexPaging jumps = new IndexPaging(records);
            int far = (records / SIZE / 2) * SIZE + 3 * SIZE;
            int last = ((records - 1) / SIZE) * SIZE;
            for (int first : List.of(far, far + SIZE, far - SIZE, last, last - SIZE, far + 7 * SIZE, 0, SIZE)) {
                assertEquals(expected.subList(first, Math.min(first + SIZE, records)),
                        page(jumps, connection, source, first, SIZE), "the page from " + first);
            }
        }
    }

    private static List<Long> page(IndexPaging pages, Connection connection, Source source, int first, int size) {
        return pages.page(first, size, seek -> {
            try {
                return KeysetRead.read(connection, source, seek);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).stream().map(row -> Long.valueOf(row.get(0))).toList();
    }

    private static List<Long> ids(Connection connection, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement select = connection.createStatement(); ResultSet result = select.executeQuery(sql)) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }
}
