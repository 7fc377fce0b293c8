package org.exportaudit.notification.control;

import org.exportaudit.notification.entity.NoticeMail;

/** A mail of the outbox that this sender claimed, with what it needs to send it. */
public record MailClaim(long mailId, String token, String recipient, String messageId, NoticeMail mail) {
}
