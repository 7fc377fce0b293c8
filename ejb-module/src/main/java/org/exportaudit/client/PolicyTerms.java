package org.exportaudit.client;

import java.io.Serializable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * An export policy's terms as they read when it decided on an export (the export keeps them: a
 * policy may change or go later), said in a reader's language: "#3 Approval from 100,000 records of
 * contacts per user in 24 hours (exporters)", "#3 Godkännande från 100 000 poster ur Kontakter per
 * användare på 24 timmar (exportörer)". The log, the audit trail and the API keep them in English,
 * sources by key ({@link #toString()}); the pages and the mails say them in their reader's language,
 * with the sources' labels. An export stores them as one line ({@link #stored()}).
 *
 * @param source the source's key; null for every source
 * @param window a rolling limit's window; null for a limit on one export alone
 * @param appliesTo the role whose holders it governs; null for everyone
 */
public record PolicyTerms(long policyId, PolicyAction action, long limit, PolicyMeasure measure, String source,
        Duration window, String appliesTo) implements Serializable {

    private static final String NONE = "*";
    // A map, not a switch on the enum: that switch compiles to a synthetic class of this package, which the host API
    // reaches nowhere (ArchitectureTest keeps the package to what hosts compile against).
    private static final Map<PolicyAction, String> ACTION = Map.of(PolicyAction.NOTIFY, "policy.terms.notify",
            PolicyAction.STEP_UP, "policy.terms.step-up", PolicyAction.APPROVE, "policy.terms.approve",
            PolicyAction.BLOCK, "policy.terms.block");

    /**
     * In one line, as an export keeps them (rows written before this type existed read the same): id, action, limit,
     * measure, source, window in seconds and role, "*" for none.
     */
    public String stored() {
        return policyId + "|" + action.key() + "|" + limit + "|" + measure.key() + "|" + given(source) + "|"
                + (window == null ? NONE : Long.toString(window.toSeconds())) + "|" + given(appliesTo);
    }

    /** Reads the terms as {@link #stored()} writes them; null for none. */
    public static PolicyTerms parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] part = stored.split("\\|", -1);
        if (part.length != 7) {
            throw new IllegalArgumentException("Not an export policy's terms: " + stored);
        }
        return new PolicyTerms(Long.parseLong(part[0]), PolicyAction.named(part[1]), Long.parseLong(part[2]),
                PolicyMeasure.named(part[3]), orNull(part[4]),
                NONE.equals(part[5]) ? null : Duration.ofSeconds(Long.parseLong(part[5])), orNull(part[6]));
    }

    /** In English, sources by key: as the log, the audit trail and the API keep them. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH, UnaryOperator.identity());
    }

    /** In {@code language} (English for one the texts are not written in), each source as {@code sourceName} names it. */
    public String in(Locale language, UnaryOperator<String> sourceName) {
        String action = Messages.text(language, ACTION.get(this.action));
        String limit = Messages.text(language, measure == PolicyMeasure.EXPORTS ? "policy.terms.exports"
                : "policy.terms.records", this.limit);
        String of = source == null ? Messages.text(language, "policy.terms.any-source") : sourceName.apply(source);
        String said = window == null
                ? Messages.text(language, "policy.terms.once", action, limit, of)
                : Messages.text(language, "policy.terms.rolling", action, limit, of,
                        windowIn(window, (unit, amount) -> Messages.text(language, unit == ChronoUnit.DAYS
                                ? "policy.terms.days" : unit == ChronoUnit.HOURS ? "policy.terms.hours"
                                : "policy.terms.minutes", amount)));
        if (appliesTo != null) {
            said = Messages.text(language, Roles.SUPER_ADMIN.equals(appliesTo) ? "policy.terms.super-admins"
                    : "policy.terms.exporters", said);
        }
        return "#" + policyId + " " + said;
    }

    /**
     * A window as people say it, the one wording of the terms, the mails and the pages: in its largest whole unit
     * ("7 days", "90 minutes"), but a single day in hours ("24 hours"). {@code words} says an amount of a unit
     * ({@code DAYS}, {@code HOURS} or {@code MINUTES}) in its reader's words.
     */
    public static String windowIn(Duration window, BiFunction<ChronoUnit, Long, String> words) {
        if (window.toDays() > 1 && window.equals(Duration.ofDays(window.toDays()))) {
            return words.apply(ChronoUnit.DAYS, window.toDays());
        }
        if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
            return words.apply(ChronoUnit.HOURS, window.toHours());
        }
        return words.apply(ChronoUnit.MINUTES, window.toMinutes());
    }

    private static String given(String part) {
        return part == null ? NONE : part;
    }

    private static String orNull(String part) {
        return NONE.equals(part) ? null : part;
    }
}
