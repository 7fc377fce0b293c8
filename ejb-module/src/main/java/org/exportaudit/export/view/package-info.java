/**
 * What the export pages ask of the exports they show, beyond the client's {@code ExportView}: who may decide on one.
 */
package org.exportaudit.export.view;
