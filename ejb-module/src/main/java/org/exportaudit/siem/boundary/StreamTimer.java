package org.exportaudit.siem.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.exportaudit.platform.NodeTimer;
import org.exportaudit.platform.Settings;

/**
 * At start, checks the receivers' settings (a bad one stops the deployment) and makes the cursors of
 * new receivers at the trail's head. Then every 5 seconds ({@code export-audit.siem.stream-period})
 * queues a delivery to each receiver, for what a restart, another node or a failed receiver left.
 * Not persistent, and on every node of a cluster: the cursors are what survives, and the claims keep two nodes from sending to one receiver
 * at once, whichever node's timer fires. The timer is its only caller: @DenyAll says so.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations") // the cursors' table must exist
@DenyAll
public class StreamTimer extends NodeTimer {

    private static final Logger LOG = Logger.getLogger(StreamTimer.class.getName());

    @Inject
    AuditStream stream;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each cursor commits on its own
    void open() {
        stream.outlets().forEach(outlet -> LOG.info(() -> "Streaming the audit trail to " + outlet.name()));
        stream.open();
        every(Settings.STREAM_PERIOD, "export-audit SIEM stream");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliverDue() {
        stream.deliverSoon();
    }
}
