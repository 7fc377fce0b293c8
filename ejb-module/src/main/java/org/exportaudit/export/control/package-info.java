/**
 * The exports' work: the batch job's artifacts, the sources and their reading, the log query, the export
 * folder.
 */
package org.exportaudit.export.control;
