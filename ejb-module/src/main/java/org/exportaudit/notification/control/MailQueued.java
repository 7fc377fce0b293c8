package org.exportaudit.notification.control;

/** Mail was put in the outbox; once that commits, the outbox is sent at once rather than at its next timer run. */
public record MailQueued() {
}
