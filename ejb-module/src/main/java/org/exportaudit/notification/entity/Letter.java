package org.exportaudit.notification.entity;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * A notice mail as it is written, in its reader's language, in plain text and in HTML side by side:
 * each sentence comes from the bundle {@code NoticeMails}, its values escaped in the HTML (and
 * shown in bold), its times in the reader's zone, its numbers as their language writes them.
 */
final class Letter {

    static final String BUNDLE = "org.exportaudit.notification.entity.NoticeMails";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    private static final Pattern VALUE = Pattern.compile("\\{\\d+[^}]*}");

    private final MailReader reader;
    private final ResourceBundle texts;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">");
    private final Map<String, String> facts = new LinkedHashMap<>();

    Letter(MailReader reader) {
        this.reader = reader;
        this.texts = ResourceBundle.getBundle(BUNDLE, reader.locale());
        sentence("hello", reader.admin());
    }

    /** A paragraph: the key's sentence with its values. */
    Letter sentence(String key, Object... values) {
        text.append(format(texts.getString(key), values, false)).append("\n\n");
        html.append("<p>").append(format(texts.getString(key), values, true)).append("</p>");
        return this;
    }

    /** A line of the facts table: "File: contacts.csv". */
    Letter fact(String key, String value) {
        facts.put(texts.getString(key), value);
        return this;
    }

    /** A time among the facts, in the reader's zone. */
    Letter fact(String key, Instant at) {
        return fact(key, WHEN.withZone(reader.zone()).withLocale(reader.locale()).format(at));
    }

    /** The facts so far, then a link: its address among the facts in the text, the key's words in the HTML. */
    Letter link(String key, String address) {
        String export = texts.getString("export");
        // the values in one column: each label, its colon and at least one space, as wide as the widest
        int width = Math.max(export.length(), facts.keySet().stream().mapToInt(String::length).max().orElse(0)) + 2;
        facts.forEach((label, value) -> text.append(String.format("%-" + width + "s", label + ":")).append(value).append('\n'));
        text.append(String.format("%-" + width + "s", export + ":")).append(address).append("\n\n");
        html.append("<table>");
        facts.forEach((label, value) -> html.append("<tr><th align=\"left\">").append(escape(label)).append("</th><td>")
                .append(escapeValue(value)).append("</td></tr>"));
        html.append("</table><p><a href=\"").append(escape(address)).append("\">").append(escape(texts.getString(key)))
                .append("</a></p>");
        facts.clear();
        return this;
    }

    /** A closing note, in grey in the HTML. */
    Letter note(String key, Object... values) {
        text.append(format(texts.getString(key), values, false)).append('\n');
        html.append("<p style=\"color: #666\">").append(format(texts.getString(key), values, true)).append("</p>");
        return this;
    }

    /** The mail, under the key's subject: on one line, whatever its values hold. */
    NoticeMail under(String subjectKey, Object... values) {
        Object[] oneLine = values.clone();
        for (int i = 0; i < oneLine.length; i++) {
            if (oneLine[i] instanceof String value) {
                oneLine[i] = value.replaceAll("[\\r\\n\\t]+", " ");
            }
        }
        return new NoticeMail(format(texts.getString(subjectKey), oneLine, false), text.toString().stripTrailing() + "\n",
                html.append("</body></html>").toString());
    }

    private String format(String pattern, Object[] values, boolean asHtml) {
        if (!asHtml) {
            return new MessageFormat(pattern, reader.locale()).format(values);
        }
        Object[] escaped = values.clone();
        for (int i = 0; i < escaped.length; i++) {
            if (escaped[i] instanceof String value) {
                escaped[i] = escapeValue(value);
            }
        }
        String marked = VALUE.matcher(escape(pattern)).replaceAll("<strong>$0</strong>");
        return new MessageFormat(marked, reader.locale()).format(escaped);
    }

    /** A value's HTML special characters, the single quote too. */
    static String escapeValue(String text) {
        return escape(text).replace("'", "&#39;");
    }

    /** HTML's special characters but the single quote, which MessageFormat's patterns use themselves (''). */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
