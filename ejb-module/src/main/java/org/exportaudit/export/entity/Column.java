package org.exportaudit.export.entity;

/**
 * One column of a source as its declaration names it: the SQL column, the heading of the exported
 * file, and whether its values are numbers (written as numeric cells in XLSX).
 */
public record Column(String name, String label, boolean numeric) {
}
