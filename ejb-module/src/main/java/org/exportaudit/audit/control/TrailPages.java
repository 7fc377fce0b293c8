package org.exportaudit.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.client.AuditQuery;
import org.exportaudit.client.AuditQueryRefused;

/**
 * The audit trail's query: filters bound as parameters, newest first by position, keyset paging
 * on {@code seq}. Each filter alone has an index that leads with it and ends in {@code seq}
 * (V8__audit_chain.sql), so a page is an index range walked backwards from the cursor and stopped
 * after {@code limit + 1} rows, however long the trail.
 */
@Dependent
public class TrailPages {

    /** The size of audit_record.actor (V3__audit.sql). */
    private static final int ACTOR_LENGTH = 255;

    /** What each parameter filters, in JPQL. */
    private static final Map<String, String> CONDITIONS = Map.of(
            "kind", "r.kind = :kind",
            "user", "r.actor = :user",
            "exportId", "r.exportId = :exportId",
            "from", "r.occurredAt >= :from",
            "to", "r.occurredAt < :to",
            "cursor", "r.seq < :cursor");

    /** The query's filters as bound parameters, and its limit. */
    private record Checked(Map<String, Object> parameters, int limit) {
    }

    @PersistenceContext
    EntityManager em;

    /** One page of records, and the cursor of the next (older) page, null on the last. */
    public record Page(List<AuditRecord> records, String next) {
    }

    /** @throws AuditQueryRefused when the query cannot be run as asked; nothing is read */
    public Page page(AuditQuery query) {
        Checked checked = checked(query);
        StringBuilder jpql = new StringBuilder("select r from AuditRecord r where 1 = 1");
        checked.parameters().forEach((name, value) -> jpql.append(" and ").append(CONDITIONS.get(name)));
        jpql.append(" order by r.seq desc");

        TypedQuery<AuditRecord> select = em.createQuery(jpql.toString(), AuditRecord.class);
        checked.parameters().forEach(select::setParameter);
        List<AuditRecord> rows = select.setMaxResults(checked.limit() + 1).getResultList();

        String next = null;
        if (rows.size() > checked.limit()) {
            next = new TrailCursor(rows.get(checked.limit() - 1).seq()).encode();
        }
        return new Page(rows.subList(0, Math.min(rows.size(), checked.limit())), next);
    }

    /**
     * Checks the query as {@link #page} runs it, without reading: for a download, whose refusal must
     * come before the first byte.
     *
     * @throws AuditQueryRefused when the query cannot be run as asked
     */
    public void check(AuditQuery query) {
        checked(query);
    }

    private static Checked checked(AuditQuery query) {
        if (query == null) {
            throw new AuditQueryRefused("missing-query", "Say which records to read.");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (present(query.kind())) {
            parameters.put("kind", kind(query.kind()));
        }
        if (present(query.user())) {
            parameters.put("user", user(query.user()));
        }
        if (query.exportId() != null) {
            if (query.exportId() < 1) {
                throw new AuditQueryRefused("invalid-export", "'export' must be an export's id, a whole number from 1.");
            }
            parameters.put("exportId", query.exportId());
        }
        if (query.from() != null) {
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            parameters.put("to", query.to());
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new AuditQueryRefused("invalid-date-range", "'from' must be before 'to'.");
        }
        if (present(query.cursor())) {
            parameters.put("cursor", TrailCursor.decode(query.cursor()).seq());
        }
        return new Checked(parameters, limit(query.limit()));
    }

    /** The filters a query applies, as a JSON object: what a download of the trail records it was of. */
    public static JsonObjectBuilder filters(AuditQuery query) {
        JsonObjectBuilder filters = Json.createObjectBuilder();
        if (present(query.kind())) {
            filters.add("kind", kind(query.kind()).name());
        }
        if (present(query.user())) {
            filters.add("user", query.user().strip());
        }
        if (query.exportId() != null) {
            filters.add("exportId", query.exportId());
        }
        if (query.from() != null) {
            filters.add("from", query.from().toString());
        }
        if (query.to() != null) {
            filters.add("to", query.to().toString());
        }
        return filters;
    }

    /** A kind by its name, in any case: {@code EXPORT_REQUESTED}, {@code export_requested}. */
    private static AuditKind kind(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(AuditKind.values()).filter(kind -> kind.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new AuditQueryRefused("invalid-kind", "'kind' must be one of "
                        + Arrays.stream(AuditKind.values()).map(AuditKind::name).collect(Collectors.joining(", "))
                        + "."));
    }

    /** A user name no longer than the column: no stored actor could match a longer one. */
    private static String user(String user) {
        String stripped = user.strip();
        if (stripped.length() > ACTOR_LENGTH) {
            throw new AuditQueryRefused("filter-too-long",
                    "The filter 'user' may have at most " + ACTOR_LENGTH + " characters.");
        }
        return stripped;
    }

    private static int limit(int asked) {
        if (asked == 0) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        if (asked < 1 || asked > AuditQuery.MAX_LIMIT) {
            throw new AuditQueryRefused("invalid-limit", "'limit' must be from 1 to " + AuditQuery.MAX_LIMIT + ".");
        }
        return asked;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
