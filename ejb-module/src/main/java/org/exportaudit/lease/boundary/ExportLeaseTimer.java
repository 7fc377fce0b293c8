package org.exportaudit.lease.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exportaudit.export.control.ExportJobs;
import org.exportaudit.lease.control.ExportLeases;
import org.exportaudit.lease.control.ExportTakeovers;
import org.exportaudit.platform.NodeTimer;
import org.exportaudit.platform.Settings;

/**
 * This node's part in the cluster's exports. Every second ({@code export-audit.lease.heartbeat}) it
 * renews the leases of the exports it runs and stops at once the jobs of those it lost (cancelled
 * through another node, or taken over while it hung): a cancel through any node stops the export
 * within two seconds, and a node that lost an export never publishes it. Every five seconds
 * ({@code export-audit.lease.takeover-period}) it takes over the exports whose node's lease ran out,
 * so that an export is PROCESSING at most a lease and some seconds after its node died (15 + 5 + a
 * job start by default).
 * <p>
 * Timers of this node alone (not persistent, so not shared by the cluster): every node must renew
 * its own leases, and any node may take over. Destroyed before {@link InterruptedExports}, so
 * that no tick takes back what a shutdown handed over.
 */
@Singleton
@Startup
@DependsOn("InterruptedExports")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the heartbeat must not wait for a takeover's job start
@DenyAll // only its timers call it
public class ExportLeaseTimer extends NodeTimer {

    private static final Logger LOG = Logger.getLogger(ExportLeaseTimer.class.getName());

    private static final String HEARTBEAT = "export-audit lease heartbeat";
    private static final String TAKEOVERS = "export-audit takeovers";

    @Inject
    ExportLeases leases;

    @Inject
    ExportTakeovers takeovers;

    @Inject
    ExportJobs jobs;

    @PostConstruct
    void start() {
        every(Settings.LEASE_HEARTBEAT, HEARTBEAT);
        every(Settings.TAKEOVER_PERIOD, TAKEOVERS);
    }

    /** A bean has one timeout method: the timer's info says which of the two ticked. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each renewal and takeover commits on its own
    void tick(Timer timer) {
        if (HEARTBEAT.equals(timer.getInfo())) {
            heartbeat();
        } else {
            takeOverOrphaned();
        }
    }

    private void heartbeat() {
        Set<Long> lost = leases.renew(jobs.runningExports());
        if (!lost.isEmpty()) {
            LOG.info(() -> "Stopping the jobs of exports this node no longer runs (cancelled or taken over): " + lost);
            jobs.stopLost(lost);
        }
    }

    private void takeOverOrphaned() { // one transaction per export taken over
        for (long exportId : leases.orphaned()) {
            try {
                takeovers.takeOver(exportId);
            } catch (RuntimeException e) {
                // another node holding the row, or a database hiccup: the next tick tries again
                LOG.log(Level.WARNING, "Could not take over export " + exportId, e);
            }
        }
    }
}
