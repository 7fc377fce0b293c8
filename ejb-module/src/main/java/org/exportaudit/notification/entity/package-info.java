/**
 * The notifications' entities: a super admin's threshold, a notice, a mail waiting in the outbox, a known
 * super admin.
 */
package org.exportaudit.notification.entity;
