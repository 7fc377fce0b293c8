package org.exportaudit.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.exportaudit.audit.entity.Download;
import org.exportaudit.audit.entity.FileDownloaded;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Roles;
import org.exportaudit.export.control.ExportFileName;
import org.exportaudit.export.control.ExportFilters;
import org.exportaudit.export.control.SourceFile;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.export.entity.Lease;
import org.exportaudit.notification.entity.LargeExportThreshold;
import org.exportaudit.notification.entity.ThresholdChanged;
import org.exportaudit.platform.NodeName;
import org.exportaudit.policy.control.PolicySettings;
import org.exportaudit.policy.entity.ExportPolicy;
import org.exportaudit.policy.entity.PolicyAction;
import org.exportaudit.policy.entity.PolicyEvents;
import org.exportaudit.policy.entity.PolicyMeasure;

/**
 * Makes the {@link DemoHistory} happen, once, on a database without exports or audit records:
 * through the entities' own moves and the CDI events that the audit trail, the notices and the
 * export folder observe, each at the moment the history gives it, oldest first. One transaction:
 * the audit records are written in the order they happened and chained in that order once it
 * commits, and no timer acts on half a history meanwhile (the retention would purge files at
 * today's time, the approval expiry would find a held export). The completed exports still within
 * the download window get a real file ({@link SourceFile}); older ones are purged as the retention
 * timer purges, a minute after their window closed.
 */
@ApplicationScoped
public class HistoryReplay {

    private static final Logger LOG = Logger.getLogger(HistoryReplay.class.getName());

    /** What a record of each source takes in the job's CSV file, about; its XLSX file takes half of it. */
    private static final Map<String, Integer> ROW_BYTES = Map.of("contacts", 200, "companies", 96, "deals", 122);

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
    SourceFile files;

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
    private final Map<String, Export> firstFile = new HashMap<>();
    private final Map<Long, SourceFile.Written> filed = new HashMap<>();
    private final Map<DemoHistory.Kind, Long> records = new HashMap<>();
    private final Map<DemoHistory.Kind, List<String[]>> rows = new HashMap<>();
    private final Map<Long, DemoHistory.Kind> kindOf = new HashMap<>();
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
        records.clear();
        rows.clear();
        kindOf.clear();
        firstFile.clear();
        filed.clear();
        Instant now = clock.instant();
        DemoHistory history = new DemoHistory(seed, now, window.length());
        long reading = System.nanoTime();
        readSources(history, now);
        LOG.fine(() -> String.format("Demo history: the sources read in %d ms", (System.nanoTime() - reading) / 1_000_000));
        for (DemoHistory.Happening happening : history.timeline()) {
            if (happening instanceof DemoHistory.ThresholdSet set) {
                threshold(set);
            } else if (happening instanceof DemoHistory.PolicyAdded added) {
                policy(added);
            } else if (happening instanceof DemoHistory.Requested requested) {
                request(requested.export());
            } else if (happening instanceof DemoHistory.Ended ended) {
                end(ended.export(), now);
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
        policies.fire(new PolicyEvents.Changed(policy.id(), added.by(), null, terms().toString(), java.util.List.of(), added.at()));
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
            export.ruledBy(policy.id(), terms().toString(), policy.terms());
            export.awaitApproval(at.plus(settings.approvalExpiry()));
        } else {
            export.runBy(node.value(), lease.from(at));
        }
        em.persist(export);
        em.flush(); // the id, for the events
        written.put(planned.number(), export);
        kindOf.put(export.id(), kind);
        exportEvents.fire(new ExportEvents.Requested(export.id(), export.requestedBy(), export.source(),
                export.fileName(), export.format().name(), export.filters(), at));
        if (held) {
            exportEvents.fire(new ExportEvents.AwaitingApproval(export.id(), export.requestedBy(), export.source(),
                    export.fileName(), export.records(), policy.id(), export.policy(), export.policyTerms(),
                    export.records(), export.approval().awaitingUntil(), at));
        }
    }

    private void end(DemoHistory.PlannedExport planned, Instant now) {
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
            default -> complete(export, count, at, now);
        }
    }

    /** Within the download window the file is real, so that its name downloads; older files were purged, and were never written. */
    private void complete(Export export, long count, Instant at, Instant now) {
        if (window.isOpen(at, now)) {
            // Written once per kind and format, copied for the others: the first start stays short.
            Export same = firstFile.get(file(export));
            SourceFile.Written file = same == null ? files.write(export, rows.get(kindOf.get(export.id())))
                    : files.copy(export, same, filed.get(same.id()));
            firstFile.putIfAbsent(file(export), export);
            filed.put(export.id(), file);
            export.complete(file.size(), file.sha256(), at);
            exportEvents.fire(new ExportEvents.Completed(export.id(), export.written(), file.size(), file.sha256(), at));
        } else {
            // Purged weeks ago: never written here (a file of 100,000 contacts would cost the first start
            // seconds), so its size is a file's of that many rows, and its hash one of its id and count.
            long size = count * ROW_BYTES.getOrDefault(export.source(), 150) / (export.format() == ExportFormat.XLSX ? 2 : 1);
            String sha256 = sha256(export.id() + "|" + export.fileName() + "|" + count);
            export.complete(size, sha256, at);
            exportEvents.fire(new ExportEvents.Completed(export.id(), export.written(), size, sha256, at));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What makes two exports' files the same: source, filters and format. */
    private static String file(Export export) {
        return export.source() + export.filters() + export.format();
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

    /**
     * Counts the records of every kind of export the history holds, and keeps those of the kinds
     * whose files are still within their window: each source read once.
     */
    private void readSources(DemoHistory history, Instant now) {
        Set<DemoHistory.Kind> kinds = new HashSet<>();
        Set<DemoHistory.Kind> filed = new HashSet<>();
        for (DemoHistory.PlannedExport export : history.exports()) {
            kinds.add(export.kind());
            if (export.outcome() == DemoHistory.Outcome.COMPLETED && window.isOpen(export.endedAt(), now)) {
                filed.add(export.kind());
            }
        }
        for (String source : kinds.stream().map(DemoHistory.Kind::source).distinct().toList()) {
            Map<DemoHistory.Kind, Predicate<SourceFile.Record>> selected = new HashMap<>();
            kinds.stream().filter(kind -> kind.source().equals(source))
                    .forEach(kind -> selected.put(kind, files.filter(source, kind.filters())));
            selected.keySet().forEach(kind -> records.put(kind, 0L));
            filed.stream().filter(kind -> kind.source().equals(source)).forEach(kind -> rows.put(kind, new ArrayList<>()));
            files.read(source, row -> selected.forEach((kind, filter) -> {
                if (filter.test(row)) {
                    records.merge(kind, 1L, Long::sum);
                    List<String[]> kept = rows.get(kind);
                    if (kept != null) {
                        kept.add(row.values());
                    }
                }
            }));
        }
    }

    private long recordsOf(DemoHistory.Kind kind) {
        return records.get(kind);
    }

    private PolicyTerms terms() {
        return PolicyTerms.parse(policy.terms());
    }
}
