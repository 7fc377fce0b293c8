package org.exportaudit.audit.control;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.entity.AuditRecord;
import org.exportaudit.audit.view.AuditQuery;
import org.exportaudit.client.Refusal;

/**
 * The audit trail's query: filters bound as parameters, newest first by position, keyset paging
 * on {@code seq}. Each equality filter has an index that leads with it and ends in {@code seq}
 * (V8__audit_chain.sql), so a page is an index range walked backwards from the cursor and stopped
 * after {@code limit + 1} rows, however long the trail (EXPLAINed on PostgreSQL at 1,000,000
 * records: under a millisecond to a few, first page or deep).
 */
@Dependent
public class TrailPages {

    /** The size of audit_record.actor (V3__audit.sql). */
    private static final int ACTOR_LENGTH = 255;

    @PersistenceContext
    EntityManager em;

    /** One page of records, and the cursor of the next (older) page, null on the last. */
    public record Page(List<AuditRecord> records, String next) {
    }

    /** A query's filters, typed and checked; null where there is none. */
    private record Checked(AuditKind kind, String user, Long exportId, Instant from, Instant to, Long before,
            int limit) {
    }

    /** @throws Refusal (invalid) when the query cannot be run as asked; nothing is read */
    public Page page(AuditQuery query) {
        Checked checked = checked(query);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditRecord> select = cb.createQuery(AuditRecord.class);
        Root<AuditRecord> record = select.from(AuditRecord.class);
        Map<String, Object> parameters = new HashMap<>();
        List<Predicate> where = new ArrayList<>();
        if (checked.kind() != null) {
            Path<AuditKind> kind = record.get("kind");
            ParameterExpression<AuditKind> asked = parameter(cb, parameters, AuditKind.class, "kind", checked.kind());
            where.add(cb.equal(kind, asked));
            // The same kind again as a range: a generic plan (PostgreSQL's, for a statement the driver
            // prepared on the server) estimates an equality on a column of twenty values as matching
            // one row in twenty and walks the seq index, reading the whole trail for a rare kind
            // (1.6 s at 1,000,000 records); a range it takes as selective, and walks (kind, seq).
            where.add(cb.greaterThanOrEqualTo(kind, asked));
            where.add(cb.lessThanOrEqualTo(kind, asked));
        }
        if (checked.user() != null) {
            where.add(cb.equal(record.get("actor"), parameter(cb, parameters, String.class, "user", checked.user())));
        }
        if (checked.exportId() != null) {
            where.add(cb.equal(record.get("exportId"),
                    parameter(cb, parameters, Long.class, "exportId", checked.exportId())));
        }
        if (checked.from() != null) {
            where.add(cb.greaterThanOrEqualTo(record.get("occurredAt"),
                    parameter(cb, parameters, Instant.class, "from", checked.from())));
        }
        if (checked.to() != null) {
            where.add(cb.lessThan(record.get("occurredAt"), parameter(cb, parameters, Instant.class, "to", checked.to())));
        }
        if (checked.before() != null) {
            where.add(cb.lessThan(record.get("seq"), parameter(cb, parameters, Long.class, "before", checked.before())));
        }
        select.select(record).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(record.get("seq")));

        TypedQuery<AuditRecord> read = em.createQuery(select);
        parameters.forEach(read::setParameter);
        List<AuditRecord> rows = read.setMaxResults(checked.limit() + 1).getResultList();

        String next = null;
        if (rows.size() > checked.limit()) {
            next = new TrailCursor(rows.get(checked.limit() - 1).seq()).encode();
        }
        return new Page(rows.subList(0, Math.min(rows.size(), checked.limit())), next);
    }

    private static <T> ParameterExpression<T> parameter(CriteriaBuilder cb, Map<String, Object> parameters,
            Class<T> type, String name, T value) {
        parameters.put(name, value);
        return cb.parameter(type, name);
    }

    /**
     * Checks the query as {@link #page} runs it, without reading: for a download, whose refusal must
     * come before the first byte.
     *
     * @throws Refusal (invalid) when the query cannot be run as asked
     */
    public void check(AuditQuery query) {
        checked(query);
    }

    private static Checked checked(AuditQuery query) {
        if (query == null) {
            throw Refusal.invalid("missing-query", "audit.missing-query");
        }
        if (query.exportId() != null && query.exportId() < 1) {
            throw Refusal.invalid("invalid-export", "audit.export.invalid");
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw Refusal.invalid("invalid-date-range", "date-range.invalid");
        }
        return new Checked(present(query.kind()) ? kind(query.kind()) : null,
                present(query.user()) ? user(query.user()) : null, query.exportId(), query.from(), query.to(),
                present(query.cursor()) ? TrailCursor.decode(query.cursor()).seq() : null, limit(query.limit()));
    }

    /** The filters a query applies, as a JSON object: what a download of the trail records it was of. */
    public static JsonObjectBuilder filters(AuditQuery query) {
        JsonObjectBuilder filters = JSON.createObjectBuilder();
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
                .orElseThrow(() -> Refusal.invalid("invalid-kind", "audit.kind.invalid",
                        Arrays.stream(AuditKind.values()).map(AuditKind::name).collect(Collectors.joining(", "))));
    }

    /** A user name no longer than the column: no stored actor could match a longer one. */
    private static String user(String user) {
        String stripped = user.strip();
        if (stripped.length() > ACTOR_LENGTH) {
            throw Refusal.invalid("filter-too-long", "filter.too-long", "user", ACTOR_LENGTH);
        }
        return stripped;
    }

    private static int limit(int asked) {
        if (asked == 0) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        if (asked < 1 || asked > AuditQuery.MAX_LIMIT) {
            throw Refusal.invalid("invalid-limit", "limit.out-of-range", AuditQuery.MAX_LIMIT);
        }
        return asked;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
