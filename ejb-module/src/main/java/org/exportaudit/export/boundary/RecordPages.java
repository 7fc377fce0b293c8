package org.exportaudit.export.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.KeysetRead;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.Source;
import org.exportaudit.export.entity.IndexPaging;

/**
 * A page of a source's records, for its index page: what an exporter is about to export. Only
 * the declared columns, in the declared order, read through the source's own datasource.
 */
@Stateless
@RolesAllowed({Roles.EXPORT, Roles.SUPER_ADMIN})
public class RecordPages {

    static final int MAX_PAGE = 100;

    @Inject
    SourceCatalog catalog;

    /** How many records the source has. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the sources' datasource is not JTA
    public long count(String sourceKey) {
        Source source = catalog.named(sourceKey);
        try (Connection connection = connection(source);
                PreparedStatement count = connection.prepareStatement(source.countQuery(Map.of()));
                ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException | NamingException e) {
            throw unreadable(source, e);
        }
    }

    /**
     * The records that {@code seek} reads (up to 100), as text, with the {@code orderBy} values of
     * the first and last: the page after or before a known row, by keyset (see {@link IndexPaging}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IndexPaging.Slice page(String sourceKey, IndexPaging.Seek seek) {
        Source source = catalog.named(sourceKey);
        IndexPaging.Seek bounded = new IndexPaging.Seek(seek.from(), seek.backward(), Math.max(0, seek.skip()),
                Math.max(1, Math.min(seek.size(), MAX_PAGE)));
        try (Connection connection = connection(source)) {
            return KeysetRead.read(connection, source, bounded);
        } catch (SQLException | NamingException e) {
            throw unreadable(source, e);
        }
    }

    private static Connection connection(Source source) throws NamingException, SQLException {
        Connection connection = ((DataSource) new InitialContext().lookup(source.datasource())).getConnection();
        connection.setReadOnly(true);
        return connection;
    }

    private static IllegalStateException unreadable(Source source, Exception e) {
        return new IllegalStateException("Cannot read the records of " + source.key() + ": " + e.getMessage(), e);
    }
}
