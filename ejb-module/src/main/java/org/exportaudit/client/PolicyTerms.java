package org.exportaudit.client;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * An export policy's terms as they read when it decided on an export (the export keeps them: a
 * policy may change or go later), said in a reader's language: "#3 Approval from 100,000 records of
 * contacts per user in 24 hours (exporters)", "#3 Godkännande från 100 000 poster ur Kontakter per
 * användare på 24 timmar (exportörer)". The log, the audit trail and the API keep them in English,
 * sources by key ({@link #toString()}); the pages and the mails say them in their reader's language,
 * with the sources' labels.
 *
 * @param action a {@code PolicyAction} key: notify, step-up, approve, block
 * @param measure a {@code PolicyMeasure} key: records, exports
 * @param source the source's key; null for every source
 * @param windowSeconds a rolling limit's window; null for a limit on one export alone
 * @param appliesTo the role whose holders it governs; null for everyone
 */
public record PolicyTerms(long policyId, String action, long limit, String measure, String source, Long windowSeconds,
        String appliesTo) implements Serializable {

    private static final String NONE = "*";

    /** Reads the terms as {@code ExportPolicy.terms()} writes them; null for none. */
    public static PolicyTerms parse(String terms) {
        if (terms == null) {
            return null;
        }
        String[] part = terms.split("\\|", -1);
        if (part.length != 7) {
            throw new IllegalArgumentException("Not an export policy's terms: " + terms);
        }
        return new PolicyTerms(Long.parseLong(part[0]), part[1], Long.parseLong(part[2]), part[3], given(part[4]),
                NONE.equals(part[5]) ? null : Long.valueOf(part[5]), given(part[6]));
    }

    /** In English, sources by key: as the log, the audit trail and the API keep them. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH, UnaryOperator.identity());
    }

    /** In {@code language} (English for one the texts are not written in), each source as {@code sourceName} names it. */
    public String in(Locale language, UnaryOperator<String> sourceName) {
        String action = Messages.text(language, switch (this.action) {
            case "notify" -> "policy.terms.notify";
            case "step-up" -> "policy.terms.step-up";
            case "approve" -> "policy.terms.approve";
            default -> "policy.terms.block";
        });
        String limit = Messages.text(language, measure.equals("exports") ? "policy.terms.exports" : "policy.terms.records",
                this.limit);
        String of = source == null ? Messages.text(language, "policy.terms.any-source") : sourceName.apply(source);
        String said = windowSeconds == null
                ? Messages.text(language, "policy.terms.once", action, limit, of)
                : Messages.text(language, "policy.terms.rolling", action, limit, of, window(language));
        if (appliesTo != null) {
            said = Messages.text(language, Roles.SUPER_ADMIN.equals(appliesTo) ? "policy.terms.super-admins"
                    : "policy.terms.exporters", said);
        }
        return "#" + policyId + " " + said;
    }

    private String window(Locale language) {
        Duration window = Duration.ofSeconds(windowSeconds);
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() == 1 ? Messages.text(language, "policy.terms.hours", 24)
                    : Messages.text(language, "policy.terms.days", window.toDays());
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return Messages.text(language, "policy.terms.hours", window.toHours());
        }
        return Messages.text(language, "policy.terms.minutes", window.toMinutes());
    }

    private static String given(String part) {
        return NONE.equals(part) ? null : part;
    }
}
