package org.exportaudit.siem.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.siem.control.DeliveryClaim;
import org.exportaudit.siem.control.DeliveryCursors;
import org.exportaudit.siem.control.Outlet;
import org.exportaudit.siem.control.Outlets;
import org.exportaudit.siem.control.SiemSettings;
import org.exportaudit.siem.control.StreamedRecord;
import org.exportaudit.siem.entity.AuditDelivery;

/**
 * Delivers the audit trail to each receiver: at once when a record commits ({@link StreamTrigger}),
 * when a failing receiver's wait is over, and every 5 seconds from {@link StreamTimer}, which picks up
 * what a restart or another node left. Each receiver is served on a thread of its own (a webhook that
 * hangs does not hold up the syslog collector): claimed, its records after the cursor sent one by one
 * with no transaction open, the cursor moved after each, released (DeliveryCursors). A crash between
 * a send and the cursor's move sends that record again: at least once, and receivers dedupe by seq.
 * A CDI bean, not an EJB: no other deployment can reach it through java:global.
 */
@ApplicationScoped
public class AuditStream {

    private static final Logger LOG = Logger.getLogger(AuditStream.class.getName());

    static final int RECORDS_PER_READ = 100;

    @Resource
    ManagedExecutorService senders;

    /** Retries wait here, not in EJB timers: they need not survive a restart (the cursors do). */
    @Resource
    ManagedScheduledExecutorService retries;

    @Inject
    Clock clock;

    @Inject
    Outlets outlets;

    @Inject
    DeliveryCursors cursors;

    @Inject
    SiemSettings settings;

    /** Per receiver: a delivery is queued on this node and has not started yet, so another need not be. */
    private final Map<String, AtomicBoolean> queued = new ConcurrentHashMap<>();

    /** Per receiver: the retry waiting out its backoff, cancelled when the application stops. */
    private final Map<String, ScheduledFuture<?>> waitingRetries = new ConcurrentHashMap<>();

    /**
     * The application is being undeployed or the server stops: queued runs and retries do nothing
     * (the managed executors would still run them, against beans that are gone). What was not
     * delivered waits in the cursors.
     */
    private volatile boolean stopping;

    @PreDestroy
    void stop() {
        stopping = true;
        waitingRetries.values().forEach(retry -> retry.cancel(false));
    }

    public List<Outlet> outlets() {
        return outlets.all();
    }

    /** Queues a delivery to every receiver, unless one is queued already; returns at once. */
    public void deliverSoon() {
        outlets.all().forEach(this::deliverSoon);
    }

    private void deliverSoon(Outlet outlet) {
        if (stopping) {
            return;
        }
        AtomicBoolean waiting = queued.computeIfAbsent(outlet.name(), name -> new AtomicBoolean());
        if (waiting.compareAndSet(false, true)) {
            try {
                senders.execute(() -> {
                    waiting.set(false); // from here on, a new record needs a new run: this one may have read past it
                    deliver(outlet);
                });
            } catch (RejectedExecutionException rejected) {
                waiting.set(false); // the application is being undeployed: the cursor keeps what is left
                LOG.fine(() -> "No delivery to " + outlet.name() + " queued: " + rejected);
            }
        }
    }

    /** Makes the receivers' cursors, at the head for those never seen before. */
    public void open() {
        for (Outlet outlet : outlets.all()) {
            try {
                cursors.open(outlet.name(), outlet.kind());
            } catch (RuntimeException madeByAnotherNode) {
                LOG.log(Level.FINE, "Cursor of " + outlet.name() + " made elsewhere", madeByAnotherNode);
            }
        }
    }

    /**
     * Sends the receiver what it has not had, if this run can claim it. After the release it looks
     * once more: a record committed while this run held the claim found the receiver taken and left
     * it to this run.
     */
    void deliver(Outlet outlet) {
        if (stopping) {
            return;
        }
        try {
            while (true) {
                Optional<DeliveryClaim> claim = cursors.claim(outlet.name(), clock.instant());
                if (claim.isEmpty()) {
                    return; // another sender has it, it waits out a failure, or it has no cursor yet
                }
                Long reached = drain(outlet, claim.get());
                if (reached == null) {
                    return; // failed (released, retried later) or taken over
                }
                cursors.release(claim.get());
                if (cursors.head() <= reached) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // the database is away, say, or the application stops: the timer tries again; a claim
            // left held times out
            LOG.log(stopping ? Level.FINE : Level.WARNING, "Delivery of the audit trail to " + outlet.name() + " stopped", e);
        }
    }

    /** The seq the receiver has reached once nothing is left to send; null when it failed or the claim was lost. */
    private Long drain(Outlet outlet, DeliveryClaim claim) {
        long cursor = claim.deliveredSeq();
        Instant failingSince = claim.failingSince();
        while (true) {
            List<StreamedRecord> records = cursors.after(cursor, RECORDS_PER_READ);
            if (records.isEmpty()) {
                return cursor;
            }
            for (StreamedRecord record : records) {
                try {
                    outlet.send(record);
                } catch (IOException | RuntimeException e) {
                    failed(outlet, claim, record, e);
                    return null;
                }
                if (!cursors.delivered(claim, record.seq(), clock.instant())) {
                    return null;
                }
                if (failingSince != null) {
                    Instant since = failingSince;
                    LOG.info(() -> outlet.name() + " takes the audit trail again (failing since " + since + ")");
                    failingSince = null;
                }
                cursor = record.seq();
            }
        }
    }

    private void failed(Outlet outlet, DeliveryClaim claim, StreamedRecord record, Exception e) {
        String error = error(e);
        Optional<AuditDelivery> delivery = cursors.failed(claim, error, clock.instant());
        if (delivery.isEmpty()) {
            return;
        }
        AuditDelivery failing = delivery.get();
        if (failing.attempts() == 1) { // once when it starts failing; the receivers' page shows the rest
            LOG.warning(() -> outlet.name() + " did not take audit record " + record.seq() + " (" + error
                    + "); tried again with backoff up to " + settings.retries().longestWait().toSeconds() + " s");
        }
        long wait = Math.max(0, Duration.between(clock.instant(), failing.nextAttemptAt()).toMillis());
        try {
            ScheduledFuture<?> retry = retries.schedule(() -> deliverSoon(outlet), wait, TimeUnit.MILLISECONDS);
            ScheduledFuture<?> earlier = waitingRetries.put(outlet.name(), retry);
            if (earlier != null) {
                earlier.cancel(false);
            }
        } catch (RejectedExecutionException rejected) {
            LOG.fine(() -> "No retry of " + outlet.name() + " scheduled: " + rejected); // the timer's run retries it
        }
    }

    /** What went wrong, for the admins' page: the exception's kind and the first message along its causes. */
    static String error(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return e.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
