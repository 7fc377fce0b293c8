package org.exportaudit.notification.entity;

/**
 * Where a notice's mail is: waiting to be sent (again), claimed by a sender that is sending it,
 * sent, or given up after its attempts.
 */
public enum MailStatus {
    PENDING, SENDING, SENT, FAILED
}
