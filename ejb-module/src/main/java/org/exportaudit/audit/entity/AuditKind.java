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
    THRESHOLD_CHANGED,
    EXPORT_RULED_BY_POLICY,
    EXPORT_AWAITING_APPROVAL,
    EXPORT_APPROVED,
    EXPORT_DENIED,
    EXPORT_WITHDRAWN,
    EXPORT_EXPIRED,
    EXPORT_BLOCKED,
    STEP_UP_REQUIRED,
    POLICY_CREATED,
    POLICY_CHANGED,
    POLICY_REMOVED,
    /** The head of the chain, published to be kept elsewhere: detail {@code {"seq", "hash"}}. */
    AUDIT_ANCHORED,
    /** The retention deleted the start of the chain: detail {@code {"deletedThrough", "hash", "records"}}. */
    AUDIT_CHECKPOINT,
    AUDIT_TRAIL_DOWNLOADED,
    /** Someone downloaded the export log as a file: detail {@code {"filters", "exports"}}. */
    EXPORT_LOG_DOWNLOADED
}
