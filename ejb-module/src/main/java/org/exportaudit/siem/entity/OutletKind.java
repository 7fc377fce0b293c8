package org.exportaudit.siem.entity;

/** How a receiver takes the audit records. */
public enum OutletKind {
    /** CloudEvents over HTTP(S), structured JSON mode. */
    WEBHOOK,
    /** RFC 5424 messages over TCP or TLS, octet-counting framing (RFC 6587). */
    SYSLOG
}
