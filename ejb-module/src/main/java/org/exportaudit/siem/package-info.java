/**
 * Streaming the audit trail to the security team's SIEM: every audit record, once committed, is
 * delivered in order to each configured receiver — as a CloudEvent to webhooks, as an RFC 5424
 * message to syslog collectors — through a durable cursor per receiver, retried with backoff while
 * a receiver is down, at least once, also after a restart. Delivery runs after the commit, off the
 * request: nothing here slows an export or a download.
 */
package org.exportaudit.siem;
