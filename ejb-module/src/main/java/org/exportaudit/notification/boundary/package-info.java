/**
 * The notifications' entry points: thresholds, notices, the known super admins, the mail outbox and its
 * timer.
 */
package org.exportaudit.notification.boundary;
