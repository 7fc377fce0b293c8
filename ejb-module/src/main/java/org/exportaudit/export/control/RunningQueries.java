package org.exportaudit.export.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source queries of the exports that this server is reading, by export: a cancel stops its
 * export's query through here. A job stop alone would only be seen between two items, after the
 * query has returned rows — minutes, for a slow source.
 */
@ApplicationScoped
public class RunningQueries {

    private final Map<Long, RunningQuery> reading = new ConcurrentHashMap<>();

    RunningQuery open(long exportId) {
        RunningQuery query = new RunningQuery(exportId);
        reading.put(exportId, query);
        return query;
    }

    void close(long exportId, RunningQuery query) {
        reading.remove(exportId, query);
    }

    /** Stops the export's source query and wakes its reader, if this server is reading it. */
    void cancel(long exportId) {
        RunningQuery query = reading.get(exportId);
        if (query != null) {
            query.cancel();
        }
    }

    /** Stops every source query of this server: it is shutting down, and a query may run for minutes. */
    void cancelAll() {
        reading.values().forEach(RunningQuery::cancel);
    }
}
