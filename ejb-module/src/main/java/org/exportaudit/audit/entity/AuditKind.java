package org.exportaudit.audit.entity;

/** What an audit record says happened. */
public enum AuditKind {
    EXPORT_REQUESTED,
    EXPORT_RECORDED_BY_HOST,
    EXPORT_COMPLETED,
    EXPORT_FAILED,
    EXPORT_CANCELLED,
    EXPORT_TAKEN_OVER,
    FILE_DOWNLOADED,
    FILE_PURGED,
    THRESHOLD_CHANGED
}
