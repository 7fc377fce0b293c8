package org.exportaudit.dashboard.entity;

import java.io.Serializable;

/** A user's completed exports this month: the records in them and how many there were. */
public record TopExporter(String user, long records, long exports) implements Serializable {
}
