package org.exportaudit.export.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.exportaudit.client.ExportLogPage;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.ExportOperations;
import org.exportaudit.client.RecordedExport;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.ExportFileName;
import org.exportaudit.export.control.ExportFilters;
import org.exportaudit.export.control.ExportLog;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.export.entity.Lease;
import org.exportaudit.export.entity.Source;
import org.exportaudit.platform.NodeName;

/**
 * Exports, for the REST API and the pages: always as the calling user, signed in through Keycloak.
 * Exporters start exports and see their own; super admins see every export and cancel.
 * {@link HostExports} offers the same to host applications.
 */
@Stateless
@LocalBean
@RolesAllowed({Roles.EXPORT, Roles.SUPER_ADMIN})
public class Exports implements ExportOperations {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    SourceCatalog catalog;

    @Inject
    ExportFilters filters;

    @Inject
    Event<ExportEvent> events;

    @Inject
    ExportLog log;

    @Inject
    DownloadWindow downloadWindow;

    @Inject
    NodeName node;

    @Inject
    Lease lease;

    /** The sources the caller may export. */
    public List<Source> sources() {
        return catalog.all();
    }

    /** The name an export of the source gets today if its user gives none (the pages offer it). */
    public String defaultFileName(String sourceKey) {
        return ExportFileName.byDefault(sourceKey, LocalDate.now(clock));
    }

    @Override
    public ExportView start(ExportRequest request) {
        if (request == null) {
            throw new ExportRefused("missing-request", "Say which source to export, and in which format.");
        }
        Source source = catalog.named(request.source());
        ExportFormat format = ExportFormat.named(request.format());
        source.filterValues(request.filters()); // refuses filters on undeclared columns
        String fileName = ExportFileName.of(request.fileName(), format, source.key(), LocalDate.now(clock));
        String storedFilters = filters.format(request.filters());
        if (storedFilters.length() > Export.FILTERS_LENGTH) {
            throw new ExportRefused("filters-too-long", "The filters may have at most " + Export.FILTERS_LENGTH
                    + " characters together (as the JSON object they are kept as); these have "
                    + storedFilters.length() + ".");
        }

        Export export = Export.requested(fileName, source.key(), format, storedFilters, caller(), clock.instant());
        export.runBy(node.value(), lease.from(clock.instant())); // its job starts here once this commits
        em.persist(export);
        em.flush(); // the id, for the event and the job
        events.fire(new ExportEvents.Requested(export.id(), caller(), source.key(), fileName, format.name(),
                storedFilters, export.requestedAt()));
        return view(export, clock.instant());
    }

    @Override
    public ExportView record(RecordedExport performed) {
        if (performed == null || performed.records() < 0) {
            throw new ExportRefused("invalid-record", "Report the source, format, file name and a record count of 0 or more.");
        }
        Source source = catalog.named(performed.source());
        ExportFormat format = ExportFormat.named(performed.format());
        String fileName = ExportFileName.of(performed.fileName(), format, source.key(), LocalDate.now(clock));
        Instant now = clock.instant();
        // the databases keep microseconds; so must the log's cursor
        Instant performedAt = performed.performedAt() == null ? now : performed.performedAt().truncatedTo(ChronoUnit.MICROS);

        Export export = Export.recordedByHost(fileName, source.key(), format, performed.records(), caller(),
                performedAt, now);
        em.persist(export);
        em.flush();
        events.fire(new ExportEvents.Recorded(export.id(), caller(), source.key(), fileName, performed.records(), now));
        events.fire(new ExportEvents.Counted(export.id(), caller(), source.key(), fileName, performed.records(), now));
        return view(export, now);
    }

    @Override
    @RolesAllowed(Roles.SUPER_ADMIN)
    public ExportView cancel(long id) {
        Export export = em.find(Export.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (export == null) {
            throw new ExportNotFound(id);
        }
        Instant now = clock.instant();
        export.cancel(caller(), now);
        events.fire(new ExportEvents.Cancelled(id, caller(), now));
        return view(export, now);
    }

    @Override
    public ExportView find(long id) {
        return view(visible(id), clock.instant());
    }

    @Override
    public ExportLogPage log(ExportLogQuery query) {
        if (query == null) {
            throw new ExportRefused("missing-query", "Say which page of the export log to read.");
        }
        ExportLog.Page page = log.page(query, isSuperAdmin() ? null : caller());
        Instant now = clock.instant();
        return new ExportLogPage(page.exports().stream().map(export -> view(export, now)).toList(), page.next());
    }

    /** The export as callers see it, at {@code now}. */
    private ExportView view(Export export, Instant now) {
        return new ExportView(export.id() == null ? 0 : export.id(), export.fileName(), export.source(),
                export.format().name(), export.records(), export.written(), export.requestedBy(),
                export.requestedAt(), export.status().name(), export.endedAt(), export.fileSize(), export.sha256(),
                export.cancelledBy(), export.failure(), export.isDownloadable(now, downloadWindow),
                export.isInProgress() ? export.node() : null);
    }

    /** The export if the caller may see it; anyone else's is answered as if it did not exist. */
    private Export visible(long id) {
        Export export = em.find(Export.class, id);
        if (export == null || !export.isVisibleTo(caller(), isSuperAdmin())) {
            throw new ExportNotFound(id);
        }
        return export;
    }

    private boolean isSuperAdmin() {
        return session.isCallerInRole(Roles.SUPER_ADMIN);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
