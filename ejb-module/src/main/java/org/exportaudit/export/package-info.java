/**
 * Exports: the sources and their records, the request that starts an export (it passes the ExportGate, which the
 * policies keep), the Jakarta Batch job that writes the file, the export log and its states, the download window.
 */
package org.exportaudit.export;
