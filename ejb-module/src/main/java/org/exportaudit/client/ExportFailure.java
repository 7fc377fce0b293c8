package org.exportaudit.client;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Why an export failed, as the export keeps it: what happened as a code and its values, and the id
 * of the incident under which the server's log holds the underlying cause (the database's message,
 * the SQL, the stack trace) — said in a reader's language when it is read. No database or JVM text
 * is ever part of it: a caller reads our words and quotes the incident to the operator.
 *
 * @param code what happened: {@code failed}, {@code not-started}, {@code stopped}, {@code lost-servers},
 *     {@code source-gone}, or {@code earlier} for an export that failed before failures were kept so
 * @param incident the id the server's log carries beside the cause; null where nothing was thrown
 * @param values what the text says besides: the number of servers lost, the node that lacks the source
 */
public record ExportFailure(String code, String incident, List<String> values) implements Serializable {

    private static final String NONE = "*";
    private static final String SEPARATOR = "|";

    public ExportFailure {
        values = List.copyOf(values);
    }

    /** Reading the source or writing the file failed: the incident says where the log has why. */
    public static ExportFailure failed(String incident) {
        return new ExportFailure("failed", incident, List.of());
    }

    /** The batch runtime did not start the export's job. */
    public static ExportFailure notStarted(String incident) {
        return new ExportFailure("not-started", incident, List.of());
    }

    /** The job ended without its file, and without an error of its own. */
    public static ExportFailure stopped() {
        return new ExportFailure("stopped", null, List.of());
    }

    /** Its servers were lost {@code takeovers} times: it is not run once more. */
    public static ExportFailure lostServers(int takeovers) {
        return new ExportFailure("lost-servers", null, List.of(Integer.toString(takeovers)));
    }

    /** Its server was lost, and {@code node}, which would take it over, does not declare its source. */
    public static ExportFailure sourceGone(String node) {
        return new ExportFailure("source-gone", null, List.of(node));
    }

    /** As the export's row keeps it: {@code code|incident|value…}, {@code *} for no incident. */
    public String stored() {
        StringBuilder stored = new StringBuilder(code).append(SEPARATOR).append(incident == null ? NONE : incident);
        values.forEach(value -> stored.append(SEPARATOR).append(value));
        return stored.toString();
    }

    /**
     * Reads a failure as {@link #stored()} writes it; null for none. Any other text is a failure
     * kept before codes were (V14 rewrote those): it is not shown, whatever it says.
     */
    public static ExportFailure parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] part = stored.split("\\|", -1);
        if (part.length < 2 || !part[0].matches("[a-z-]+")) {
            return new ExportFailure("earlier", null, List.of());
        }
        return new ExportFailure(part[0], NONE.equals(part[1]) ? null : part[1],
                List.of(part).subList(2, part.length));
    }

    /** In English: as the audit trail keeps it, and as host applications read it. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }

    /** In {@code language} (English for one the texts are not written in), with the incident to quote. */
    public String in(Locale language) {
        String said = Messages.text(language, switch (code) {
            case "failed" -> "export.failure.failed";
            case "not-started" -> "export.failure.not-started";
            case "stopped" -> "export.failure.stopped";
            case "lost-servers" -> "export.failure.lost-servers";
            case "source-gone" -> "export.failure.source-gone";
            default -> "export.failure.earlier";
        }, values.toArray());
        return incident == null ? said : Messages.text(language, "export.failure.incident", said, incident);
    }
}
