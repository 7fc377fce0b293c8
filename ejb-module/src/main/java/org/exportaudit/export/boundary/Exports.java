package org.exportaudit.export.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.exportaudit.client.ApprovalExpired;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.client.ExportLogPage;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.ExportOperations;
import org.exportaudit.client.NotTheRequester;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.RecordedExport;
import org.exportaudit.client.Storable;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.ApprovalExpiry;
import org.exportaudit.export.control.ExportFileName;
import org.exportaudit.export.control.ExportFilters;
import org.exportaudit.export.control.ExportLog;
import org.exportaudit.export.control.PolicyCheck;
import org.exportaudit.export.control.PolicyRuling;
import org.exportaudit.export.control.PolicySettings;
import org.exportaudit.export.control.Requesters;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.control.SourceCounts;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.export.entity.ExportPolicy;
import org.exportaudit.export.entity.ExportStatus;
import org.exportaudit.export.entity.Filter;
import org.exportaudit.export.entity.PolicyAction;
import org.exportaudit.export.entity.Lease;
import org.exportaudit.export.entity.Source;
import org.exportaudit.identity.control.RecentSignIn;
import org.exportaudit.platform.NodeName;

/**
 * Exports, for the REST API and the pages: always as the calling user, signed in through Keycloak.
 * Exporters start exports and see their own; super admins see every export, cancel, and approve or
 * deny the exports that export policies hold for approval (never their own). A request that a
 * policy governs is counted here, before anything is created, so that a block or a step-up is
 * answered at once; without governing policies the job counts, and the request answers at once.
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

    @Inject
    PolicyCheck policies;

    @Inject
    PolicySettings settings;

    @Inject
    SourceCounts counts;

    @Inject
    Requesters requesters;

    @Inject
    RecentSignIn signIns;

    @Inject
    ApprovalExpiry expiry;

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
        List<ExportPolicy> governing = policies.governing(source.key(), session::isCallerInRole);
        if (governing.isEmpty()) {
            return run(export, source, Optional.empty()); // counted by its job: the request answers at once
        }
        long records = counts.count(source, request.filters()); // before the lock: a count may take a while
        requesters.lock(caller());
        Optional<PolicyRuling> ruling = policies.rule(governing, caller(), records, clock.instant());
        if (ruling.isPresent() && ruling.get().action() == PolicyAction.STEP_UP) {
            requireRecentSignIn(ruling.get(), source, records);
        }
        export.counted(records);
        if (ruling.isEmpty()) {
            return run(export, source, ruling);
        }
        ExportPolicy policy = ruling.get().policy();
        export.ruledBy(policy.id(), termsOf(policy).toString(), policy.terms());
        return switch (policy.action()) {
            case NOTIFY, STEP_UP -> run(export, source, ruling);
            case APPROVE -> holdForApproval(export, ruling.get());
            case BLOCK -> throw block(export, ruling.get());
        };
    }

    /** Creates the export and clears it to run: its job starts once this commits. */
    private ExportView run(Export export, Source source, Optional<PolicyRuling> ruling) {
        Instant now = clock.instant();
        export.runBy(node.value(), lease.from(now));
        persist(export);
        ruling.ifPresent(ruled -> events.fire(new ExportEvents.Ruled(export.id(), caller(), ruled.policy().id(),
                export.policy(), export.policyTerms(), ruled.action().key(), ruled.total(), now)));
        if (export.records() != null) { // counted here: the notices go out now, not when the job counts again
            events.fire(new ExportEvents.Counted(export.id(), caller(), source.key(), export.fileName(),
                    export.records(), now));
        }
        events.fire(new ExportEvents.Cleared(export.id()));
        return view(export, now);
    }

    /** Creates the export, counted, waiting for a super admin: every one of them is told. */
    private ExportView holdForApproval(Export export, PolicyRuling ruling) {
        Instant now = clock.instant();
        export.awaitApproval(now.plus(settings.approvalExpiry()));
        persist(export);
        ExportPolicy policy = ruling.policy();
        events.fire(new ExportEvents.AwaitingApproval(export.id(), caller(), export.source(), export.fileName(),
                export.records(), policy.id(), export.policy(), export.policyTerms(), ruling.total(),
                export.awaitingUntil(), now));
        return view(export, now);
    }

    /** Keeps the refused attempt in the log, BLOCKED, and says so: the exception commits it (rollback = false). */
    private ExportBlocked block(Export export, PolicyRuling ruling) {
        Instant now = clock.instant();
        ExportPolicy policy = ruling.policy();
        export.block(ExportBlocked.reason(export.policy(), policy.message()), now);
        persist(export);
        events.fire(new ExportEvents.Blocked(export.id(), caller(), export.records(), policy.id(),
                export.policy(), policy.limit(), ruling.total(), now));
        return new ExportBlocked(export.id(), termsOf(policy), policy.message());
    }

    /**
     * A step-up policy decides: the caller must have entered their password within the configured
     * age. If not, nothing is created; the refusal is audited and commits (rollback = false).
     */
    private void requireRecentSignIn(PolicyRuling ruling, Source source, long records) {
        Instant now = clock.instant();
        Duration maxAge = settings.stepUpMaxAge();
        if (!signIns.isWithin(session.getCallerPrincipal(), maxAge, now)) {
            PolicyTerms policy = termsOf(ruling.policy());
            events.fire(new ExportEvents.StepUpRequired(caller(), source.key(), records, policy.policyId(),
                    policy.toString(), signIns.of(session.getCallerPrincipal()).orElse(null), now));
            throw new StepUpRequired(policy, maxAge);
        }
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
        if (!export.isRequestedBy(caller())) { // a super admin sees it, and denies it instead
            throw new NotTheRequester(id);
        }
        Instant now = clock.instant();
        decide(export, now, () -> export.withdraw(caller(), now));
        events.fire(new ExportEvents.Withdrawn(id, caller(), now));
        return view(export, now);
    }

    /**
     * Approves, denies or withdraws it, unless its deadline has passed: then it expires on the spot, through the
     * timer's own path (audited as the timer's expiry is), and the refusal commits that expiry.
     */
    private void decide(Export export, Instant now, Runnable decision) {
        try {
            decision.run();
        } catch (ApprovalExpired late) {
            expiry.expire(export, now);
            throw late;
        }
    }

    /**
     * The export under its row lock, if the caller may see it: an approval racing a withdrawal, the
     * expiry or another approval waits, then finds it decided.
     */
    private Export locked(long id) {
        Export export = em.find(Export.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (export == null || !export.isVisibleTo(caller(), isSuperAdmin())) {
            throw new ExportNotFound(id);
        }
        return export;
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
        ExportLog.Page page = log.page(query, isSuperAdmin() ? null : caller());
        Instant now = clock.instant();
        return new ExportLogPage(page.exports().stream().map(export -> view(export, now)).toList(), page.next());
    }

    /** The export as callers see it, at {@code now}. */
    private ExportView view(Export export, Instant now) {
        return new ExportView(export.id() == null ? 0 : export.id(), export.fileName(), export.source(),
                export.format().name(), export.records(), export.written(), export.requestedBy(),
                export.requestedAt(), export.status().name(), export.endedAt(), export.fileSize(), export.sha256(),
                export.cancelledBy(), ExportFailure.parse(export.failure()), export.isDownloadable(now, downloadWindow),
                export.isInProgress() ? export.node() : null, export.policy(), PolicyTerms.parse(export.policyTerms()),
                export.decidedBy(), export.decidedAt(), export.reason(),
                export.isAwaitingApproval() || export.status() == ExportStatus.EXPIRED ? export.awaitingUntil() : null);
    }

    private static PolicyTerms termsOf(ExportPolicy policy) {
        return PolicyTerms.parse(policy.terms());
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
