package org.exportaudit.export.encoder;

/**
 * Cells that a spreadsheet would run as a formula, per OWASP's guidance on CSV injection: text
 * that starts with {@code = + - @}, a tab or a carriage return. In CSV such a text gets a single
 * quote in front, which spreadsheets show as text and never evaluate. A plain number is no formula
 * (a leading minus is its sign), and is left as it is.
 */
public final class SpreadsheetFormulas {

    private SpreadsheetFormulas() {
    }

    /** The text with a quote in front if it starts like a formula. */
    public static String neutralise(String value) {
        return startsLikeAFormula(value) ? "'" + value : value;
    }

    public static boolean startsLikeAFormula(String value) {
        return value != null && !value.isEmpty() && startsLikeAFormula(value.charAt(0));
    }

    static boolean startsLikeAFormula(int first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
