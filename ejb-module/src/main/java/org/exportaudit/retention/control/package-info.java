/**
 * The retention's work: the purge of files and of audit records, and the retention's setting.
 */
package org.exportaudit.retention.control;
