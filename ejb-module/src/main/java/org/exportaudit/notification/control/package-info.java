/**
 * The notifications' work: turning export events into notices and mails, and sending the outbox.
 */
package org.exportaudit.notification.control;
