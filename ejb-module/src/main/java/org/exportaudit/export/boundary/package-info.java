/**
 * The exports' entry points: start, decide, cancel and read exports, the source pages, the log as a file, the
 * timers.
 */
package org.exportaudit.export.boundary;
