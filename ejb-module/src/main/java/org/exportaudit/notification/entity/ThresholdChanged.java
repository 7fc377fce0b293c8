package org.exportaudit.notification.entity;

import java.time.Instant;

/** A super admin changed their own threshold; null means notifications off. */
public record ThresholdChanged(String admin, Integer from, Integer to, Instant at) {
}
