/**
 * The exports' entities and values: an export and its state machine, a source and its columns, the export
 * events.
 */
package org.exportaudit.export.entity;
