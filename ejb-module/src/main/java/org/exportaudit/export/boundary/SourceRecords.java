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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.Source;

/**
 * A page of a source's records, for its index page: what an exporter is about to export. Only
 * the declared columns, in the declared order, read through the source's own datasource.
 */
@Stateless
@RolesAllowed({Roles.EXPORT, Roles.SUPER_ADMIN})
public class SourceRecords {

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

    /** The records from {@code first} on, at most {@code size} of them (up to 100), as text. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<List<String>> page(String sourceKey, int first, int size) {
        Source source = catalog.named(sourceKey);
        int rows = Math.max(1, Math.min(size, MAX_PAGE));
        try (Connection connection = connection(source)) {
            List<List<String>> page = new ArrayList<>(rows);
            try (PreparedStatement select = connection.prepareStatement(
                    source.selectQuery(Map.of()) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                select.setInt(1, Math.max(0, first));
                select.setInt(2, rows);
                try (ResultSet result = select.executeQuery()) {
                    int columns = source.columns().size();
                    while (result.next()) {
                        List<String> row = new ArrayList<>(columns);
                        for (int column = 1; column <= columns; column++) {
                            row.add(result.getString(column));
                        }
                        page.add(row);
                    }
                }
            }
            return page;
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
