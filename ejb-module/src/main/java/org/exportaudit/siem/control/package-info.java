/**
 * The SIEM's work: each receiver's cursor, the CloudEvents and syslog outlets, retries with backoff.
 */
package org.exportaudit.siem.control;
