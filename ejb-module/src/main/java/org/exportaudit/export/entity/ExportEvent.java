package org.exportaudit.export.entity;

/**
 * What every event of {@link ExportEvents} is: publishers inject {@code Event<ExportEvent>}, so
 * that only export events can be fired through it; observers still choose the one they need.
 */
public interface ExportEvent {
}
