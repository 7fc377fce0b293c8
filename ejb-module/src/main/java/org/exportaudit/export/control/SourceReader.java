package org.exportaudit.export.control;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.exportaudit.export.encoder.RecordFile;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.Filter;
import org.exportaudit.export.entity.Source;

/**
 * Streams a source's rows through one JDBC cursor, read ahead on a thread of its own, never
 * holding more than a few thousand rows in memory. The count and the rows are read in one repeatable-read transaction, so the count that
 * drives notifications is the number of rows the file gets.
 */
@Named
@Dependent // a bean-defining scope, so that JBeret finds the artifact by its name
public class SourceReader extends AbstractItemReader {

    /** Rows the driver fetches at a time: large enough to stream fast, small enough for any heap. */
    private static final int FETCH_SIZE = 5_000;

    @Inject
    CurrentExport running;

    @Inject
    ExportUpdates progress;

    @Inject
    SourceCatalog catalog;

    @Inject
    ExportFilters filters;

    @Inject
    RunningQueries queries;

    // A thread of its own per export, not a pooled one: a feed runs as long as its export, and
    // exports queued behind busy pool threads would wait for rows that nobody reads.
    @Resource
    ManagedThreadFactory threads;

    private Connection connection;
    private PreparedStatement rows;
    private ResultSet cursor;
    private SourceFeed feed;
    private RunningQuery query;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        long id = running.id();
        query = queries.open(id); // before the export says it started: a cancel from then on reaches the query
        Export export = progress.starting(id, running.executionId());
        if (export == null) {
            return; // cancelled before the job began: read nothing
        }
        Source source = catalog.named(export.source());
        Map<String, String> filter = filters.parse(export.filters());
        List<Filter> values = source.filters(filter);

        connection = dataSource(source.datasource()).getConnection();
        connection.setReadOnly(true);
        connection.setAutoCommit(false); // PostgreSQL streams a cursor only inside a transaction
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);

        try {
            long records = count(source.countQuery(filter), values);
            if (!progress.counted(id, records)) {
                return;
            }
            if (CsvCopyFeed.isPossible(connection)) { // every format takes COPY's lines (RecordFile.writeCsvLine)
                feed = CsvCopyFeed.start(connection, source, filter, values, query);
            } else {
                rows = connection.prepareStatement(source.selectQuery(filter), ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY);
                rows.setFetchSize(FETCH_SIZE);
                bind(rows, values);
                query.runs(rows::cancel); // stays cancellable while the feed fetches the next rows
                cursor = rows.executeQuery();
                feed = new RowFeed(cursor, source.columns().size());
            }
        } catch (SQLException e) {
            if (query.isCancelled()) {
                return; // the cancel stopped the query: there is nothing to read
            }
            throw e;
        }
        query.feeds(feed);
        threads.newThread(feed).start();
    }

    /** One item is a batch of up to 1,000 records: the job's per-item work is paid per batch. */
    @Override
    public Object readItem() throws SQLException, InterruptedException {
        Object[] batch;
        try {
            batch = feed == null ? null : feed.next();
        } catch (SQLException e) {
            if (query.isCancelled()) {
                return null; // the query failed because the cancel stopped it
            }
            throw e;
        }
        if (batch == null && !query.isCancelled()) {
            running.run().allRead();
        }
        return batch;
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        try {
            if (feed != null) {
                feed.stop();
            }
            try (Connection used = connection; PreparedStatement statement = rows; ResultSet open = cursor) {
                if (used != null) {
                    rollback(used); // it only read
                }
            }
        } finally {
            if (query != null) {
                queries.close(running.id(), query);
            }
        }
    }

    /**
     * A cancel is a separate request that PostgreSQL applies to whatever the connection runs when it
     * arrives: one sent as the query ended (a node stopping an export it lost) cancels this rollback
     * instead. The cancel is spent then, and the second rollback ends the transaction before the
     * connection goes back to the pool.
     */
    private void rollback(Connection used) throws SQLException {
        try {
            used.rollback();
        } catch (SQLException cancelledMeanwhile) {
            if (query == null || !query.isCancelled()) {
                throw cancelledMeanwhile;
            }
            used.rollback();
        }
    }

    private long count(String sql, List<Filter> values) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            bind(count, values);
            query.runs(count::cancel);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            } finally {
                query.returned();
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Filter> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            values.get(i).bind(statement, i + 1);
        }
    }

    private static DataSource dataSource(String jndiName) throws NamingException {
        return (DataSource) new InitialContext().lookup(jndiName);
    }
}
