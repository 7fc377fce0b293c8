package org.exportaudit.export.entity;

/** Where an export is in its life. Only {@code PROCESSING} can move on; the others are final. */
public enum ExportStatus {
    PROCESSING,
    COMPLETED,
    CANCELLED,
    FAILED
}
