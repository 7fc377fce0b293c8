package org.exportaudit.export.boundary;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.ExportLogReader;
import org.exportaudit.export.control.ExportLogCsvWriter;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.control.Viewer;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportLogDownloaded;

/**
 * The export log as a CSV file, for the filters the log shows: super admins get everyone's
 * exports, exporters their own, as in the log itself. The download is audited (who, which
 * filters, how many exports), as every download of data is.
 */
@Stateless
@RolesAllowed({Roles.EXPORT, Roles.SUPER_ADMIN})
public class ExportLogDownloads {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    ExportLogReader log;

    @Inject
    SourceCatalog catalog;

    @Inject
    Event<ExportLogDownloaded> downloads;

    /**
     * Checks a download's filters before its first byte, and names its file. The limit and cursor
     * of the query play no part: a download is the whole filtered log.
     *
     * @throws ExportRefused when the filters cannot be run as asked; nothing is recorded
     */
    public String csvFileName(ExportLogQuery query) {
        log.page(first(query, 1), onlyOf());
        return "export-log-" + FILE_TIME.format(clock.instant()) + ".csv";
    }

    /**
     * Writes the filtered log, newest first, as CSV to {@code out}, a page at a time, and records the
     * download with how many exports it listed. The reading holds no transaction: a long log to a slow
     * client would outlast any timeout, and each page is a short read of its own. The record of the
     * download commits in a transaction of its own at the end, also when the client went away midway.
     *
     * @return the exports written
     * @throws ExportRefused when the filters cannot be run as asked; nothing is written or recorded
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long csv(ExportLogQuery query, OutputStream out) throws IOException {
        ExportLogQuery read = first(query, ExportLogQuery.MAX_LIMIT);
        String onlyOf = onlyOf();
        ExportLogReader.Page page = log.page(read, onlyOf); // a refusal before the first byte
        long written = 0;
        try {
            ExportLogCsvWriter csv = new ExportLogCsvWriter(out);
            while (true) {
                for (Export export : page.exports()) {
                    csv.write(export, catalog.labelOf(export.source()));
                    written++;
                }
                em.clear(); // without a transaction the entities stay until the call ends: let them go
                if (page.next() == null) {
                    break;
                }
                page = log.page(read.after(page.next()), onlyOf);
            }
            csv.finish();
        } finally {
            session.getBusinessObject(ExportLogDownloads.class).downloaded(read, written);
        }
        return written;
    }

    /**
     * Records that the caller downloaded the log with these filters, in the transaction this call
     * starts ({@link #csv} runs without one): the audit trail appends it under the chain's head.
     */
    public void downloaded(ExportLogQuery filters, long exports) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        add(json, "user", filters.user());
        add(json, "source", filters.source());
        add(json, "status", filters.status());
        add(json, "from", filters.from() == null ? null : filters.from().toString());
        add(json, "to", filters.to() == null ? null : filters.to().toString());
        downloads.fire(new ExportLogDownloaded(session.getCallerPrincipal().getName(), json.build().toString(),
                exports, clock.instant()));
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null && !value.isBlank()) {
            json.add(name, value.strip());
        }
    }

    /** The exporter whose own exports these are; null for a super admin, who sees everyone's. */
    private String onlyOf() {
        return Viewer.of(session).onlyOwn();
    }

    /** The query's filters, from the newest export, {@code limit} at a time. */
    private static ExportLogQuery first(ExportLogQuery query, int limit) {
        if (query == null) {
            throw new ExportRefused("missing-query", "log.missing-list-query");
        }
        return new ExportLogQuery(query.user(), query.source(), query.status(), query.from(), query.to(), limit, null);
    }
}
