package org.exportaudit.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.exportaudit.audit.control.TrailCsv;
import org.exportaudit.audit.control.TrailPages;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.audit.entity.TrailDownloaded;
import org.exportaudit.audit.view.AuditPage;
import org.exportaudit.audit.view.AuditQuery;
import org.exportaudit.audit.view.AuditRecordView;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;

/**
 * Super admins read the audit trail: a page at a time, newest first, filtered; or the whole
 * filtered trail as a CSV file, a download that is itself audited (who, which filters, how many
 * records), as every export of data is.
 */
@Stateless
@RolesAllowed(Roles.SUPER_ADMIN)
public class AuditRecords {

    /** Records per read while a download streams: each page is one short index walk, then let go. */
    static final int DOWNLOAD_PAGE = AuditQuery.MAX_LIMIT;

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    TrailPages pages;

    @Inject
    Event<TrailDownloaded> downloads;

    /** @throws Refusal (invalid) when the query cannot be run as asked */
    public AuditPage page(AuditQuery query) {
        TrailPages.Page page = pages.page(query);
        return new AuditPage(page.records().stream().map(AuditRecords::view).toList(), page.next());
    }

    /**
     * Checks a download's filters before its first byte, and names its file. The limit and cursor
     * of the query play no part: a download is the whole filtered trail.
     *
     * @throws Refusal (invalid) when the filters cannot be run as asked; nothing is recorded
     */
    public String csvFileName(AuditQuery query) {
        pages.check(whole(query));
        return "audit-trail-" + FILE_TIME.format(clock.instant()) + ".csv";
    }

    /**
     * Writes the filtered trail, newest first, as CSV to {@code out}, and records the download with
     * how many records it held. The reading holds no transaction: a long trail to a slow client would
     * outlast any timeout, and each page is a short read of its own. The record of the download
     * commits in a transaction of its own at the end, also when the client went away midway: it
     * still downloaded what it got.
     *
     * @return the records written
     * @throws Refusal (invalid) when the filters cannot be run as asked; nothing is written or recorded
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long csv(AuditQuery query, OutputStream out) throws IOException {
        AuditQuery read = whole(query);
        pages.check(read);
        long written = 0;
        try {
            TrailCsv csv = new TrailCsv(out);
            for (String next = null;;) {
                TrailPages.Page page = pages.page(read.after(next));
                for (AuditRecord record : page.records()) {
                    csv.write(view(record));
                    written++;
                }
                em.clear(); // without a transaction the entities stay until the call ends: let them go
                next = page.next();
                if (next == null) {
                    break;
                }
            }
            csv.finish();
        } finally {
            session.getBusinessObject(AuditRecords.class).downloaded(read, written);
        }
        return written;
    }

    /**
     * Records that the caller downloaded the trail with these filters, in the transaction this call
     * starts ({@link #csv} runs without one): the audit trail appends it under the chain's head.
     */
    public void downloaded(AuditQuery filters, long records) {
        downloads.fire(new TrailDownloaded(session.getCallerPrincipal().getName(),
                TrailPages.filters(filters).build().toString(), records, clock.instant()));
    }

    /** The query's filters, from the newest record, a download page at a time. */
    private static AuditQuery whole(AuditQuery query) {
        if (query == null) {
            throw Refusal.invalid("missing-query", "audit.missing-query");
        }
        return new AuditQuery(query.kind(), query.user(), query.exportId(), query.from(), query.to(), DOWNLOAD_PAGE,
                null);
    }

    private static AuditRecordView view(AuditRecord record) {
        return new AuditRecordView(record.seq(), record.kind().name(), record.actor(), record.exportId(),
                record.detail(), record.occurredAt(), record.hash());
    }
}
