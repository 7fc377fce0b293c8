package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.exportaudit.export.entity.Filter;
import org.exportaudit.export.entity.Source;

/**
 * Counts the records an export of a source would get, in the request, before anything exists: what
 * the export policies judge. The job counts again in the transaction it reads the rows in, so the
 * file's count is exact even when records changed in between.
 */
@ApplicationScoped
public class SourceCounts {

    public long count(Source source, Map<String, String> filters) {
        List<Filter> values = source.filters(filters);
        try (Connection connection = ((DataSource) new InitialContext().lookup(source.datasource())).getConnection()) {
            connection.setReadOnly(true);
            try (PreparedStatement count = connection.prepareStatement(source.countQuery(filters))) {
                for (int i = 0; i < values.size(); i++) {
                    values.get(i).bind(count, i + 1);
                }
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        } catch (SQLException | NamingException e) {
            throw new IllegalStateException("Cannot count the records of " + source.key() + ": " + e.getMessage(), e);
        }
    }
}
