package org.exportaudit.export.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportStatus;

/**
 * The export log query: filters bound as parameters, newest first, keyset paging on
 * (requested at, id), which the indexes export_by_date and export_by_user_date serve directly,
 * however long the history.
 */
@Dependent
public class ExportLogReader {

    @PersistenceContext
    EntityManager em;

    /** One page of exports, and the cursor of the next page (null on the last). */
    public record Page(List<Export> exports, String next) {
    }

    /**
     * A page of the log. {@code onlyOf} is the exporter whose own exports these are, or null for a
     * super admin, who sees everyone's.
     */
    public Page page(ExportLogQuery query, String onlyOf) {
        int limit = limit(query.limit());
        StringBuilder jpql = new StringBuilder("select e from Export e where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (onlyOf != null) {
            where(jpql, parameters, "e.requestedBy = :owner", "owner", onlyOf);
        }
        if (present(query.user())) {
            where(jpql, parameters, "e.requestedBy = :user", "user", bounded("user", query.user(), Export.USER_LENGTH));
        }
        if (present(query.source())) {
            where(jpql, parameters, "e.source = :source", "source",
                    bounded("source", query.source(), Export.SOURCE_LENGTH));
        }
        if (present(query.status())) {
            where(jpql, parameters, "e.status = :status", "status",
                    ExportStatus.named(bounded("status", query.status(), Export.STATUS_LENGTH)));
        }
        if (query.from() != null) {
            where(jpql, parameters, "e.requestedAt >= :from", "from", query.from());
        }
        if (query.to() != null) {
            where(jpql, parameters, "e.requestedAt < :to", "to", query.to());
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new ExportRefused("invalid-date-range", "date-range.invalid");
        }
        if (present(query.cursor())) {
            LogCursor after = LogCursor.decode(query.cursor());
            // the first condition bounds the index range; the second settles rows of the same instant
            jpql.append(" and e.requestedAt <= :at and (e.requestedAt < :at or e.id < :id)");
            parameters.put("at", after.requestedAt());
            parameters.put("id", after.id());
        }
        jpql.append(" order by e.requestedAt desc, e.id desc");

        TypedQuery<Export> select = em.createQuery(jpql.toString(), Export.class)
                // the page only shows them: nothing to register in the transaction and compare at its commit
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE);
        parameters.forEach(select::setParameter);
        List<Export> rows = select.setMaxResults(limit + 1).getResultList();

        String next = null;
        if (rows.size() > limit) {
            Export last = rows.get(limit - 1);
            next = new LogCursor(last.requestedAt(), last.id()).encode();
        }
        return new Page(rows.subList(0, Math.min(rows.size(), limit)), next);
    }

    private static int limit(int asked) {
        if (asked == 0) {
            return ExportLogQuery.DEFAULT_LIMIT;
        }
        if (asked < 1 || asked > ExportLogQuery.MAX_LIMIT) {
            throw new ExportRefused("invalid-limit", "limit.out-of-range", ExportLogQuery.MAX_LIMIT);
        }
        return asked;
    }

    private static void where(StringBuilder jpql, Map<String, Object> parameters, String condition, String name,
            Object value) {
        jpql.append(" and ").append(condition);
        parameters.put(name, value);
    }

    /** A filter value no longer than its column: no stored value could match a longer one. */
    private static String bounded(String name, String value, int length) {
        String stripped = value.strip();
        if (stripped.length() > length) {
            throw new ExportRefused("filter-too-long", "filter.too-long", name, length);
        }
        return stripped;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
