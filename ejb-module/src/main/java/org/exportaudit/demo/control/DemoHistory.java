package org.exportaudit.demo.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.exportaudit.export.entity.ExportFormat;

/**
 * What the demo's users did in the 60 days before the demo's first start, so that a newcomer meets
 * a log, a dashboard and an audit trail that show what the product is for: exports of the three
 * demo sources by bob, erin, alice, sam and stina on working days, some larger than alice's
 * threshold, downloads from several addresses and clients, a failed export, bob's export of all
 * deals that alice cancelled, the approval policy she added the next morning, bob's next try that
 * it held and sam denied, and erin's export of all deals still awaiting approval. Made up the same way every time (a fixed seed), relative to {@code now}.
 * Only the plan: {@code HistoryReplay} makes it happen through the product's own code paths, in
 * the order of {@link #timeline()}, which is the order the audit chain gets.
 */
public final class DemoHistory {

    /** How far back the history goes. */
    public static final int DAYS = 60;

    /** Alice's large-export threshold, set on the first day. */
    public static final int ALICE_THRESHOLD = 10_000;

    /** The approval policy's limit: exporters' deals exports of this many records wait for a super admin. */
    public static final long APPROVAL_LIMIT = 15_000;

    /** What a user exported: a source with filters; {@code large} ones are above alice's threshold. */
    public record Kind(String source, Map<String, String> filters, String fileName, boolean large) {
    }

    public enum Outcome { COMPLETED, CANCELLED, FAILED, DENIED, AWAITING_APPROVAL }

    /** One download of an export's file. */
    public record Download(String user, String ipAddress, String userAgent, Instant at) {
    }

    /** One export as it went: asked for, counted, and ended {@code runs} later (or not, awaiting approval). */
    public record PlannedExport(int number, String user, Kind kind, ExportFormat format, Instant requestedAt,
            Duration runs, Outcome outcome, String decidedBy, List<Download> downloads) {

        public Instant endedAt() {
            return requestedAt.plus(runs);
        }

        /** When the job counted its records: at once, before the first row is written. */
        public Instant countedAt() {
            return requestedAt.plusMillis(400);
        }
    }

    /** One moment of the history, in the order it happened. */
    public sealed interface Happening {
        Instant at();
    }

    public record ThresholdSet(String admin, int records, Instant at) implements Happening {
    }

    public record PolicyAdded(String by, Instant at) implements Happening {
    }

    public record Requested(PlannedExport export, Instant at) implements Happening {
    }

    public record Ended(PlannedExport export, Instant at) implements Happening {
    }

    public record Downloaded(PlannedExport export, Download download, Instant at) implements Happening {
    }

    /** The retention timer's purge of a file whose download window closed. */
    public record Purged(PlannedExport export, Instant at) implements Happening {
    }

    static final List<Kind> SMALL = List.of(
            new Kind("contacts", Map.of("country", "Austria", "lifecycle_stage", "customer"), "customers-austria", false),
            new Kind("contacts", Map.of("city", "Dublin", "lifecycle_stage", "lead"), "dublin-leads", false),
            new Kind("contacts", Map.of("country", "Denmark", "owner", "bob"), "denmark-bob", false),
            new Kind("contacts", Map.of("country", "Spain", "lifecycle_stage", "opportunity"), "spain-opportunities", false),
            new Kind("companies", Map.of("industry", "Software"), "software-companies", false),
            new Kind("companies", Map.of("country", "France"), "companies-france", false),
            new Kind("deals", Map.of("stage", "contract sent", "currency", "EUR"), "contracts-sent-eur", false),
            new Kind("deals", Map.of("owner", "erin", "stage", "closed won"), "erin-closed-won", false),
            new Kind("deals", Map.of("stage", "closed lost", "currency", "USD"), "lost-deals-usd", false));

    static final List<Kind> LARGE = List.of(
            new Kind("contacts", Map.of("country", "Germany"), "contacts-germany", true),
            new Kind("contacts", Map.of(), "all-contacts", true),
            new Kind("deals", Map.of(), "all-deals", true));

    static final Kind ALL_CONTACTS = LARGE.get(1);
    static final Kind ALL_DEALS = LARGE.get(2);

    private static final String[] EXPORTERS = {"bob", "bob", "bob", "erin", "erin", "erin", "alice", "alice", "sam",
        "sam", "stina"};

    /** Where each user works from: the office, and a second place (home, a laptop on the road). */
    private static final Map<String, String[]> ADDRESSES = Map.of(
            "bob", new String[] {"10.20.1.14", "85.226.14.201"},
            "erin", new String[] {"10.20.1.31", "10.20.1.31", "192.168.178.23"},
            "alice", new String[] {"10.20.4.7", "10.20.4.7", "81.232.66.19"},
            "sam", new String[] {"10.20.4.12", "172.16.8.40"},
            "stina", new String[] {"10.30.2.5", "10.30.2.5", "94.254.7.133"});

    private static final Map<String, String[]> CLIENTS = Map.of(
            "bob", new String[] {"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"},
            "erin", new String[] {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36", "curl/8.5.0"},
            "alice", new String[] {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"},
            "sam", new String[] {"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "python-requests/2.32.3"},
            "stina", new String[] {"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                    + " Version/18.1 Safari/605.1.15"});

    private static final String[] ADMINS = {"alice", "sam", "stina"};

    private final Instant now;
    private final Duration downloadWindow;
    private final SplittableRandom random;
    private final List<PlannedExport> exports = new ArrayList<>();

    /** The history up to {@code now}, with files downloadable for {@code downloadWindow} after their export. */
    public DemoHistory(long seed, Instant now, Duration downloadWindow) {
        this.now = now.truncatedTo(ChronoUnit.MICROS); // as the databases keep time
        this.downloadWindow = downloadWindow;
        this.random = new SplittableRandom(seed);
        plan();
    }

    public List<PlannedExport> exports() {
        return List.copyOf(exports);
    }

    /** The first day's morning: alice sets her threshold before anyone exports. */
    public Instant start() {
        return officeHour(now.minus(Duration.ofDays(DAYS)), 7, 30);
    }

    /** When alice adds the approval policy: the morning after she cancelled bob's export of all deals. */
    public Instant policyAddedAt() {
        return officeHour(now.minus(Duration.ofDays(20)), 8, 5);
    }

    /** Everything that happened, oldest first: the order in which it is written, and chained. */
    public List<Happening> timeline() {
        List<Happening> happenings = new ArrayList<>();
        happenings.add(new ThresholdSet("alice", ALICE_THRESHOLD, start()));
        happenings.add(new PolicyAdded("alice", policyAddedAt()));
        for (PlannedExport export : exports) {
            happenings.add(new Requested(export, export.requestedAt()));
            if (export.outcome() == Outcome.AWAITING_APPROVAL) {
                continue;
            }
            happenings.add(new Ended(export, export.endedAt()));
            export.downloads().forEach(download -> happenings.add(new Downloaded(export, download, download.at())));
            Instant closed = export.endedAt().plus(downloadWindow);
            if (export.outcome() == Outcome.COMPLETED && !closed.isAfter(now)) { // the retention's next minute
                Instant purge = closed.plusSeconds(60);
                happenings.add(new Purged(export, purge.isBefore(now) ? purge : now));
            }
        }
        happenings.sort(Comparator.comparing(Happening::at));
        return happenings;
    }

    private void plan() {
        LocalDate first = LocalDate.ofInstant(start(), ZoneOffset.UTC).plusDays(1);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            int count = weekend ? (random.nextInt(6) == 0 ? 1 : 0) : 1 + random.nextInt(3);
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                times.add(day.atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(7 * 3600 + random.nextInt(9 * 3600)).plusMillis(random.nextInt(1000)));
            }
            times.sort(null);
            times.forEach(this::routine);
        }
        // The stories a newcomer should find, at fixed places in the history.
        special("bob", ALL_DEALS, ExportFormat.CSV, officeHour(now.minus(Duration.ofDays(21)), 14, 12),
                Duration.ofSeconds(41), Outcome.CANCELLED, "alice");
        special("erin", SMALL.get(6), ExportFormat.XLSX, officeHour(now.minus(Duration.ofDays(34)), 10, 48),
                Duration.ofSeconds(7), Outcome.FAILED, null);
        special("bob", ALL_DEALS, ExportFormat.XLSX, officeHour(now.minus(Duration.ofDays(9)), 9, 20),
                Duration.ofMinutes(52), Outcome.DENIED, "sam");
        special("erin", ALL_DEALS, ExportFormat.CSV, now.minus(Duration.ofHours(3)).minusSeconds(17),
                Duration.ZERO, Outcome.AWAITING_APPROVAL, null);
        exports.sort(Comparator.comparing(PlannedExport::requestedAt));
        for (int i = 0; i < exports.size(); i++) {
            PlannedExport export = exports.get(i);
            exports.set(i, new PlannedExport(i + 1, export.user(), export.kind(), export.format(), export.requestedAt(),
                    export.runs(), export.outcome(), export.decidedBy(), export.downloads()));
        }
    }

    /** An everyday export: a small one mostly; large ones only before the approval policy and out of the download window. */
    private void routine(Instant at) {
        String user = pick(EXPORTERS);
        boolean mayBeLarge = at.isBefore(now.minus(downloadWindow)) && at.isBefore(policyAddedAt());
        Kind kind = mayBeLarge && random.nextInt(9) == 0 ? pick(LARGE) : pick(SMALL);
        if (kind == ALL_CONTACTS && !isAdmin(user)) {
            kind = LARGE.get(0); // the whole contact list left only once, through an admin, before bob's try
        }
        ExportFormat format = random.nextInt(3) == 0 ? ExportFormat.XLSX : ExportFormat.CSV;
        Duration runs = Duration.ofMillis((kind.large() ? 20_000 : 1_500) + random.nextInt(kind.large() ? 60_000 : 9_000));
        Instant ended = at.plus(runs);
        List<Download> downloads = new ArrayList<>();
        int times = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        Instant last = ended;
        for (int i = 0; i < times; i++) {
            String by = i > 0 && random.nextInt(3) == 0 ? pick(ADMINS) : user;
            last = last.plusSeconds(20 + random.nextInt(i == 0 ? 3_600 : 4 * 24 * 3_600)).plusMillis(random.nextInt(1000));
            if (!last.isBefore(now) || !last.isBefore(ended.plus(downloadWindow))) {
                break;
            }
            downloads.add(new Download(by, pick(ADDRESSES.get(by)), pick(CLIENTS.get(by)), last));
        }
        exports.add(new PlannedExport(0, user, kind, format, at, runs, Outcome.COMPLETED, null, List.copyOf(downloads)));
    }

    private void special(String user, Kind kind, ExportFormat format, Instant at, Duration runs, Outcome outcome,
            String decidedBy) {
        exports.add(new PlannedExport(0, user, kind, format, at.truncatedTo(ChronoUnit.MILLIS), runs, outcome,
                decidedBy, List.of()));
    }

    /** {@code hour:minute} UTC on the day of {@code day}. */
    private static Instant officeHour(Instant day, int hour, int minute) {
        return day.truncatedTo(ChronoUnit.DAYS).plusSeconds(hour * 3600L + minute * 60L);
    }

    private static boolean isAdmin(String user) {
        return List.of(ADMINS).contains(user);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
