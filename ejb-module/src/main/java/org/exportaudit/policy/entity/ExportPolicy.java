package org.exportaudit.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.export.entity.Export;

/**
 * A super admin's rule for exports: for one source or all, for users with a role or everyone,
 * what happens when an export's record count — or, with a window, the user's total over the
 * window including this export — reaches the limit. The rule is validated here, once, for the
 * API, the pages and the EJB alike.
 */
@Entity
@Table(name = "export_policy")
public class ExportPolicy {

    public static final long LOWEST_LIMIT = 1;
    public static final long HIGHEST_LIMIT = 10_000_000;
    public static final Duration SHORTEST_WINDOW = Duration.ofMinutes(1);
    public static final Duration LONGEST_WINDOW = Duration.ofDays(31);
    public static final int MESSAGE_LENGTH = 500;

    @Id
    @SequenceGenerator(name = "export_policy_id", sequenceName = "export_policy_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "export_policy_id")
    private Long id;

    /** The source it governs; null for every source. */
    @Column(name = "source", length = Export.SOURCE_LENGTH)
    private String source;

    /** The role whose holders it governs; null for everyone. */
    @Column(name = "applies_to", length = 50)
    private String appliesTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 20)
    private PolicyAction action;

    @Column(name = "record_limit", nullable = false)
    private long limit;

    /** A rolling limit's window; null when the limit is on one export alone. */
    @Column(name = "window_seconds")
    private Long windowSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "measure", nullable = false, length = 20)
    private PolicyMeasure measure;

    @Column(name = "message", length = MESSAGE_LENGTH)
    private String message;

    /** The rule without its limit and message: unique, so that no two policies say the same thing. */
    @Column(name = "rule_key", nullable = false, length = 300)
    private String ruleKey;

    @Column(name = "created_by", nullable = false, length = Export.USER_LENGTH)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExportPolicy() {
        // for JPA
    }

    /**
     * A new policy; {@code source} must already be known to be a declared source (the catalog is
     * the boundary's to ask).
     *
     * @throws Refusal (invalid) for a limit, window, action, measure, role or message out of bounds
     */
    public ExportPolicy(Rule rule, String createdBy, Instant at) {
        this.createdBy = createdBy;
        this.createdAt = at;
        change(rule);
    }

    /**
     * Replaces the rule; the creator and creation time stay. Returns every field that changed, as the API names
     * and writes it, for the audit: the description alone leaves out the message, and a change of the message
     * alone would be recorded as no change at all.
     */
    public List<FieldChange> change(Rule rule) {
        Map<String, String> before = fields();
        this.source = rule.source;
        this.appliesTo = rule.appliesTo;
        this.action = rule.action;
        this.limit = rule.limit;
        this.windowSeconds = rule.window == null ? null : rule.window.toSeconds();
        this.measure = rule.measure;
        this.message = rule.message;
        this.ruleKey = rule.key();
        Map<String, String> after = fields();
        return before.keySet().stream().filter(field -> !Objects.equals(before.get(field), after.get(field)))
                .map(field -> new FieldChange(field, before.get(field), after.get(field))).toList();
    }

    /** Its fields as the API names and writes them; null where unset (and all null before it had a rule). */
    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", source);
        fields.put("appliesTo", appliesTo);
        fields.put("action", action == null ? null : action.key());
        fields.put("limit", action == null ? null : Long.toString(limit));
        fields.put("window", windowText());
        fields.put("measure", measure == null ? null : measure.key());
        fields.put("message", message);
        return fields;
    }

    /** One field of a policy that a change changed: its value before and after, null for none. */
    public record FieldChange(String field, String before, String after) {
    }

    /** Whether it governs an export of {@code sourceKey} by a user who holds the roles {@code hasRole} says. */
    public boolean governs(String sourceKey, Predicate<String> hasRole) {
        return (source == null || source.equals(sourceKey)) && (appliesTo == null || hasRole.test(appliesTo));
    }

    /**
     * Whether an export reaches the limit: {@code total} is what the limit measures — the export's
     * records alone, or with a window the user's records or exports over it, this one included.
     */
    public boolean isReachedBy(long total) {
        return total >= limit;
    }

    /** Says the same as {@code rule} but for the limit and the message: the two would repeat or contradict each other. */
    public boolean hasRule(Rule rule) {
        return ruleKey.equals(rule.key());
    }

    public boolean isRolling() {
        return windowSeconds != null;
    }

    /** Its terms as an export it decides on keeps them (Export.policyTerms), to be said in a reader's language. */
    public PolicyTerms terms() {
        return new PolicyTerms(id, action, limit, measure, source, window(), appliesTo);
    }

    public Long id() {
        return id;
    }

    public String source() {
        return source;
    }

    public String appliesTo() {
        return appliesTo;
    }

    public PolicyAction action() {
        return action;
    }

    public long limit() {
        return limit;
    }

    /**
     * The window as the API writes it: several whole days as days ({@code P7D}, not {@code PT168H}),
     * a day or less in hours and minutes ({@code PT24H}); null for none.
     */
    public String windowText() {
        if (windowSeconds == null) {
            return null;
        }
        Duration window = Duration.ofSeconds(windowSeconds);
        return window.toDaysPart() > 1 && window.toHoursPart() == 0 && window.toMinutesPart() == 0
                && window.toSecondsPart() == 0 ? "P" + window.toDays() + "D" : window.toString();
    }

    /** The window of a rolling limit, null for a limit on one export. */
    public Duration window() {
        return windowSeconds == null ? null : Duration.ofSeconds(windowSeconds);
    }

    public PolicyMeasure measure() {
        return measure;
    }

    public String message() {
        return message;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * A policy's rule as validated input. A limit on exports needs a window (one export is always
     * one); the message is what a blocked or waiting requester reads.
     */
    public record Rule(String source, String appliesTo, PolicyAction action, long limit, Duration window,
            PolicyMeasure measure, String message) {

        public Rule {
            if (limit < LOWEST_LIMIT || limit > HIGHEST_LIMIT) {
                throw Refusal.invalid("invalid-limit", "policy.limit.out-of-range", limit);
            }
            if (window != null && (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0)) {
                throw Refusal.invalid("invalid-window", "policy.window.out-of-range", window.toString());
            }
            if (measure == PolicyMeasure.EXPORTS && window == null) {
                throw Refusal.invalid("invalid-measure", "policy.measure.needs-window");
            }
            if (appliesTo != null && !Roles.SUPER_ADMIN.equals(appliesTo) && !Roles.EXPORT.equals(appliesTo)) {
                throw Refusal.invalid("invalid-role", "policy.role.invalid", Roles.EXPORT, Roles.SUPER_ADMIN,
                        appliesTo);
            }
            message = message == null || message.isBlank() ? null : message.strip();
            if (message != null && message.length() > MESSAGE_LENGTH) {
                throw Refusal.invalid("invalid-message", "policy.message.too-long", MESSAGE_LENGTH, message.length());
            }
        }

        /**
         * Reads a window as the API gives it, an ISO-8601 duration such as {@code PT24H} or
         * {@code P7D}; null or blank for none.
         */
        public static Duration window(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("invalid-window", "policy.window.invalid", text);
            }
        }

        String key() {
            return (source == null ? "*" : source) + '|' + (appliesTo == null ? "*" : appliesTo) + '|' + action
                    + '|' + (window == null ? "*" : window.toSeconds()) + '|' + measure;
        }
    }
}
