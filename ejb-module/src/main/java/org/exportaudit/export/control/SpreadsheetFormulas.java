package org.exportaudit.export.control;

/**
 * Cells that a spreadsheet would run as a formula are turned into plain text, per OWASP's
 * guidance on CSV injection: a leading {@code = + - @}, tab or carriage return gets a single quote
 * in front, which spreadsheets show as text and never evaluate.
 */
public final class SpreadsheetFormulas {

    private SpreadsheetFormulas() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty() || !startsLikeAFormula(value.charAt(0))) {
            return value;
        }
        return "'" + value;
    }

    private static boolean startsLikeAFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
