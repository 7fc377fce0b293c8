package org.exportaudit.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.exportaudit.audit.entity.Download;
import org.exportaudit.audit.entity.FileDownloaded;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.ExportFileName;
import org.exportaudit.export.control.ExportFilters;
import org.exportaudit.export.control.FileAtOnce;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.Lease;
import org.exportaudit.notification.entity.LargeExportThreshold;
import org.exportaudit.notification.entity.ThresholdChanged;
import org.exportaudit.platform.NodeName;
import org.exportaudit.policy.control.PolicySettings;
import org.exportaudit.policy.entity.ExportPolicy;
import org.exportaudit.policy.entity.PolicyEvents;

/**
 * Makes the {@link DemoHistory} happen, once, on a database without exports or audit records:
 * through the entities' own moves and the CDI events that the audit trail, the notices and the
 * export folder observe, each at the moment the history gives it, oldest first. One transaction:
 * the audit records are written in the order they happened and chained in that order once it
 * commits, and no timer acts on half a history meanwhile (the retention would purge files at
 * today's time, the approval expiry would find a held export). The sources are read first
 * ({@link HistoryRecords}); the completed exports still within the download window get a real file
 * ({@link HistoryFiles}); older ones are purged as the retention timer purges, a minute after their
 * window closed.
 */
@ApplicationScoped
public class HistoryReplay {

    private static final Logger LOG = Logger.getLogger(HistoryReplay.class.getName());

    /** What the approval policy tells a requester whose export it holds. */
    static final String POLICY_MESSAGE = "Full deal lists leave the company with a second pair of eyes only:"
            + " a super admin approves them.";
    /** Why sam denied bob's export of all deals. */
    static final String DENIAL = "The forecast needs the open deals only: please filter by stage.";
    /** Why erin's export failed: its job stopped before its file was complete (a restart), as ExportFailure keeps it. */
    static final String FAILURE = ExportFailure.stopped().stored();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<ExportEvent> exportEvents;

    @Inject
    Event<FileDownloaded> downloads;

    @Inject
    Event<ThresholdChanged> thresholds;

    @Inject
    Event<PolicyEvents.Changed> policies;

    @Inject
    ExportFilters filters;

    @Inject
    FileAtOnce files;

    @Inject
    DownloadWindow window;

    @Inject
    PolicySettings settings;

    @Inject
    NodeName node;

    @Inject
    Lease lease;


    // One replay's state: it runs once, at start, from the DemoRecords singleton.
    private final Map<Integer, Export> written = new HashMap<>();
    private HistoryRecords records;
    private HistoryFiles exportFiles;
    private ExportPolicy policy;

    /** Writes the history of the 60 days before now, unless the database has an export or an audit record; answers how many exports. */
    @Transactional
    public int replayOnce(long seed) {
        boolean used = em.createQuery("select count(e) from Export e", Long.class).getSingleResult() > 0
                || em.createQuery("select count(a) from AuditRecord a", Long.class).getSingleResult() > 0
                || em.createQuery("select count(p) from PendingAuditRecord p", Long.class).getSingleResult() > 0;
        if (used) {
            return 0;
        }
        written.clear();
        Instant now = clock.instant();
        DemoHistory history = new DemoHistory(seed, now, window.length());
        long reading = System.nanoTime();
        records = HistoryRecords.read(history, now, window, files);
        exportFiles = new HistoryFiles(files, window, now);
        LOG.fine(() -> String.format("Demo history: the sources read in %d ms", (System.nanoTime() - reading) / 1_000_000));
        for (DemoHistory.Happening happening : history.timeline()) {
            if (happening instanceof DemoHistory.ThresholdSet set) {
                threshold(set);
            } else if (happening instanceof DemoHistory.PolicyAdded added) {
                policy(added);
            } else if (happening instanceof DemoHistory.Requested requested) {
                request(requested.export());
            } else if (happening instanceof DemoHistory.Ended ended) {
                end(ended.export());
            } else if (happening instanceof DemoHistory.Downloaded downloaded) {
                download(downloaded);
            } else if (happening instanceof DemoHistory.Purged purged) {
                purge(purged);
            }
        }
        return written.size();
    }

    /** As the settings page saves it, with the address of the admin's account in the demo realm. */
    private void threshold(DemoHistory.ThresholdSet set) {
        em.persist(new LargeExportThreshold(set.admin(), set.records(), set.admin() + "@example.com", set.at()));
        thresholds.fire(new ThresholdChanged(set.admin(), null, set.records(), set.at()));
    }

    private void policy(DemoHistory.PolicyAdded added) {
        policy = new ExportPolicy(new ExportPolicy.Rule("deals", Roles.EXPORT, PolicyAction.APPROVE,
                DemoHistory.APPROVAL_LIMIT, null, PolicyMeasure.RECORDS, POLICY_MESSAGE), added.by(), added.at());
        em.persist(policy);
        em.flush();
        policies.fire(new PolicyEvents.Changed(policy.id(), added.by(), null, policy.terms().toString(), java.util.List.of(), added.at()));
    }

    private void request(DemoHistory.PlannedExport planned) {
        DemoHistory.Kind kind = planned.kind();
        Instant at = planned.requestedAt();
        String fileName = ExportFileName.of(kind.fileName(), planned.format(), kind.source(),
                LocalDate.ofInstant(at, ZoneOffset.UTC));
        Export export = Export.requested(fileName, kind.source(), planned.format(), filters.format(kind.filters()),
                planned.user(), at);
        boolean held = planned.outcome() == DemoHistory.Outcome.AWAITING_APPROVAL
                || planned.outcome() == DemoHistory.Outcome.DENIED;
        if (held) { // counted in the request, as Exports.start counts what a policy governs
            export.counted(recordsOf(kind));
            export.ruledBy(policy.terms());
            export.awaitApproval(at.plus(settings.approvalExpiry()));
        } else {
            export.runBy(node.value(), lease.from(at));
        }
        em.persist(export);
        em.flush(); // the id, for the events
        written.put(planned.number(), export);
        exportEvents.fire(new ExportEvents.Requested(export.id(), export.requestedBy(), export.source(),
                export.fileName(), export.format().name(), export.filters(), at));
        if (held) {
            exportEvents.fire(new ExportEvents.AwaitingApproval(export.id(), export.requestedBy(), export.source(),
                    export.fileName(), export.records(), policy.id(), export.policy(), export.policyTerms(),
                    export.records(), export.approval().awaitingUntil(), at));
        }
    }

    private void end(DemoHistory.PlannedExport planned) {
        Export export = written.get(planned.number());
        Instant at = planned.endedAt();
        if (planned.outcome() == DemoHistory.Outcome.DENIED) {
            export.deny(planned.decidedBy(), DENIAL, at);
            exportEvents.fire(new ExportEvents.Denied(export.id(), planned.decidedBy(), DENIAL, at));
            return;
        }
        long count = recordsOf(planned.kind());
        export.counted(count);
        exportEvents.fire(new ExportEvents.Counted(export.id(), export.requestedBy(), export.source(),
                export.fileName(), count, planned.countedAt()));
        switch (planned.outcome()) {
            case CANCELLED -> {
                export.progressed(count * 2 / 5 / 1_000 * 1_000);
                export.cancel(planned.decidedBy(), at);
                exportEvents.fire(new ExportEvents.Cancelled(export.id(), planned.decidedBy(), at));
            }
            case FAILED -> {
                export.progressed(Math.min(count, 1_000));
                export.fail(FAILURE, at);
                exportEvents.fire(new ExportEvents.Failed(export.id(), FAILURE, at));
            }
            default -> complete(export, planned.kind(), count, at);
        }
    }

    private void complete(Export export, DemoHistory.Kind kind, long count, Instant at) {
        HistoryFiles.Filed file = exportFiles.completed(export, count, records.rows(kind), at);
        export.complete(file.size(), file.sha256(), at);
        exportEvents.fire(new ExportEvents.Completed(export.id(), export.written(), file.size(), file.sha256(), at));
    }

    private void download(DemoHistory.Downloaded downloaded) {
        DemoHistory.Download planned = downloaded.download();
        Export export = written.get(downloaded.export().number());
        FileDownloaded download = new FileDownloaded(export.id(), planned.user(), planned.ipAddress(),
                planned.userAgent(), planned.at());
        em.persist(new Download(download));
        downloads.fire(download);
    }

    private void purge(DemoHistory.Purged purged) {
        Export export = written.get(purged.export().number());
        export.purge(purged.at());
        exportEvents.fire(new ExportEvents.Purged(export.id(), export.format(), purged.at()));
    }

    private long recordsOf(DemoHistory.Kind kind) {
        return records.count(kind);
    }
}
