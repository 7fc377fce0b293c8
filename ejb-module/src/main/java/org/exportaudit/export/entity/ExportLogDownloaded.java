package org.exportaudit.export.entity;

import java.time.Instant;

/**
 * Someone downloaded the export log as a file: with which filters (a JSON object) and how many
 * exports it listed. Who exported what is itself data worth auditing.
 */
public record ExportLogDownloaded(String user, String filters, long exports, Instant at) {
}
