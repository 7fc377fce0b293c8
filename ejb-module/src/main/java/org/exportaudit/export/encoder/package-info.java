/**
 * The file encoders: a source's columns and rows in, a CSV or XLSX file's bytes out, guarded against formula
 * injection and written as fast as the database reads; they know no export, database or transaction.
 */
package org.exportaudit.export.encoder;
