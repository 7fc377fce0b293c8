package org.exportaudit.notification.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Runs the outbox every 10 seconds. The timer need not persist: the outbox table is what survives
 * a restart. It only asks for the run, which goes on the outbox's own way: a mail server that keeps
 * senders waiting must not hold the timer's threads, which also renew the leases of running exports.
 * The timer is its only caller: it has no business method, and @DenyAll says so should one be added.
 */
@Singleton
@DependsOn("SchemaMigrations") // a run before the schema is migrated would find no tables
@DenyAll
public class OutboxTimer {

    @Inject
    MailOutbox outbox;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "export-audit mail outbox")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each mail commits on its own, in the run
    void sendDue() {
        outbox.sendSoon();
    }
}
