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
import org.exportaudit.client.ApprovalExpired;
import org.exportaudit.client.ExportLogPage;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportOperations;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.RecordedExport;
import org.exportaudit.client.Roles;
import org.exportaudit.client.Storable;
import org.exportaudit.export.control.ApprovalExpiry;
import org.exportaudit.export.control.ExportFileName;
import org.exportaudit.export.control.ExportFilters;
import org.exportaudit.export.control.ExportGate;
import org.exportaudit.export.control.ExportLogReader;
import org.exportaudit.export.control.ExportViews;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.control.Verdict;
import org.exportaudit.export.control.Viewer;
import org.exportaudit.export.control.VisibleExports;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.export.entity.Filter;
import org.exportaudit.export.entity.Lease;
import org.exportaudit.export.entity.Source;
import org.exportaudit.platform.NodeName;

/**
 * Exports, for the REST API and the pages: always as the calling user, signed in through Keycloak.
 * Exporters start exports and see their own; super admins see every export, cancel, and approve or
 * deny the exports that export policies hold for approval (never their own). What becomes of a
 * request, the {@link ExportGate} decides (the policies' gate); this bean stores the export and fires what the
 * {@link Verdict} says, in the caller's transaction. Who may see an export, {@link VisibleExports}
 * answers; how it looks to callers, {@link ExportViews}.
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
    ExportLogReader log;

    @Inject
    DownloadWindow downloadWindow;

    @Inject
    NodeName node;

    @Inject
    Lease lease;

    @Inject
    ApprovalExpiry expiry;

    @Inject
    ExportGate gate;

    @Inject
    VisibleExports visibleExports;

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
            throw new ExportRefused("missing-request", "export.missing-request");
        }
        Source source = catalog.named(request.source());
        ExportFormat format = ExportFormat.named(request.format());
        // refuses filters on undeclared columns, values not of their column's type, and values no database holds
        source.filters(request.filters()).forEach(Exports::requireStorable);
        String fileName = ExportFileName.of(request.fileName(), format, source.key(), LocalDate.now(clock));
        String storedFilters = filters.format(request.filters());
        if (storedFilters.length() > Export.FILTERS_LENGTH) {
            throw new ExportRefused("filters-too-long", "export.filters-too-long", Export.FILTERS_LENGTH,
                    storedFilters.length());
        }

        Export export = Export.requested(fileName, source.key(), format, storedFilters, caller(), clock.instant());
        Verdict verdict = gate.rule(export, source, request.filters(), session.getCallerPrincipal(),
                session::isCallerInRole);
        if (verdict.clearsToRun()) { // its job starts once this commits
            export.runBy(node.value(), lease.from(verdict.at()));
        }
        persist(export);
        verdict.events(export).forEach(events::fire);
        if (verdict.outcome() == Verdict.Outcome.BLOCK) {
            throw verdict.refusal(export); // commits the BLOCKED export and its audit (rollback = false)
        }
        return ExportViews.of(export, verdict.at(), downloadWindow);
    }

    private void persist(Export export) {
        em.persist(export);
        em.flush(); // the id, for the events and the job
        events.fire(new ExportEvents.Requested(export.id(), export.requestedBy(), export.source(), export.fileName(),
                export.format().name(), export.filters(), export.requestedAt()));
    }

    /** A filter's value as a database holds it: text without NUL, a date within the days Storable names. */
    private static void requireStorable(Filter filter) {
        if (!Storable.value(filter.value())) {
            throw filter.value() instanceof String
                    ? new ExportRefused("invalid-filter", Storable.TEXT_KEY, filter.column().name())
                    : new ExportRefused("invalid-filter", Storable.DATE_KEY, Storable.dateArguments(filter.column().name()));
        }
    }

    @Override
    @RolesAllowed(Roles.SUPER_ADMIN)
    public ExportView approve(long id) {
        Export export = locked(id);
        Instant now = clock.instant();
        decide(export, now, () -> export.approve(caller(), now, node.value(), lease.from(now)));
        events.fire(new ExportEvents.Approved(id, caller(), now));
        events.fire(new ExportEvents.Cleared(id));
        return view(export, now);
    }

    @Override
    @RolesAllowed(Roles.SUPER_ADMIN)
    public ExportView deny(long id, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > Export.REASON_LENGTH) {
            throw new ExportRefused("invalid-reason", "export.invalid-reason", Export.REASON_LENGTH);
        }
        if (!Storable.text(reason)) {
            throw new ExportRefused("invalid-reason", Storable.TEXT_KEY, "reason");
        }
        Export export = locked(id);
        Instant now = clock.instant();
        decide(export, now, () -> export.deny(caller(), reason.strip(), now));
        events.fire(new ExportEvents.Denied(id, caller(), reason.strip(), now));
        return view(export, now);
    }

    @Override
    public ExportView withdraw(long id) {
        Export export = locked(id);
        Instant now = clock.instant();
        decide(export, now, () -> export.withdraw(caller(), now));
        events.fire(new ExportEvents.Withdrawn(id, caller(), now));
        return view(export, now);
    }

    /**
     * Approves, denies or withdraws it, as the export allows the caller (four eyes; the requester alone withdraws),
     * unless its deadline has passed: then it expires on the spot, through the timer's own path (audited as the
     * timer's expiry is), and the refusal commits that expiry.
     */
    private void decide(Export export, Instant now, Runnable decision) {
        try {
            decision.run();
        } catch (ApprovalExpired late) {
            expiry.expire(export, now);
            throw late;
        }
    }

    @Override
    public ExportView record(RecordedExport performed) {
        if (performed == null || performed.records() < 0) {
            throw new ExportRefused("invalid-record", "export.invalid-record");
        }
        if (!Storable.instant(performed.performedAt())) {
            throw new ExportRefused("invalid-record", Storable.DATE_KEY, Storable.dateArguments("performedAt"));
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
        Export export = locked(id);
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
            throw new ExportRefused("missing-query", "log.missing-query");
        }
        ExportLogReader.Page page = log.page(query, Viewer.of(session).onlyOwn());
        Instant now = clock.instant();
        return new ExportLogPage(page.exports().stream().map(export -> view(export, now)).toList(), page.next());
    }

    /** The export as callers see it, at {@code now}. */
    private ExportView view(Export export, Instant now) {
        return ExportViews.of(export, now, downloadWindow);
    }

    /** The export, if the caller may see it; anyone else's is answered as if it did not exist. */
    private Export visible(long id) {
        return visibleExports.find(id, Viewer.of(session));
    }

    /** As {@link #visible}, under its row lock ({@link VisibleExports#locked}). */
    private Export locked(long id) {
        return visibleExports.locked(id, Viewer.of(session));
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
