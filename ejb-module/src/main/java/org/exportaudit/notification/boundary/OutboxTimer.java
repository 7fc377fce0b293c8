package org.exportaudit.notification.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.exportaudit.platform.NodeTimer;
import org.exportaudit.platform.Settings;

/**
 * Runs the outbox every 10 seconds ({@code export-audit.mail.outbox-period}). The timer need not
 * persist: the outbox table is what survives a restart. It only asks for the run, which goes on the
 * outbox's own way: a mail server that keeps senders waiting must not hold the timer's threads,
 * which also renew the leases of running exports.
 * The timer is its only caller: it has no business method, and @DenyAll says so should one be added.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations") // a run before the schema is migrated would find no tables
@DenyAll
public class OutboxTimer extends NodeTimer {

    @Inject
    MailOutbox outbox;

    @PostConstruct
    void start() {
        every(Settings.OUTBOX_PERIOD, "export-audit mail outbox");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each mail commits on its own, in the run
    void sendDue() {
        outbox.sendSoon();
    }
}
