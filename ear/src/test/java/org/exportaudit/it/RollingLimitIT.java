package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.export.control.SourceCatalog;
import org.exportaudit.export.control.SourceCounts;
import org.exportaudit.export.entity.ExportStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rolling limits over HTTP: erin's exports of deals summed over a window, in records or in exports,
 * and two requests racing past a limit together never both passing; when several policies are
 * reached, the strictest decides. Other tests' exports by erin stay in the window, so each limit
 * is set from what the window already holds (read inside the server, as the policy check reads it).
 */
@AsksTheDatabase
@ExtendWith(ArquillianExtension.class)
class RollingLimitIT {

    private static final Map<String, String> CLOSED_WON = Map.of("stage", "closed won");
    private static final String CLOSED_WON_DEALS = "{\"source\": \"deals\", \"format\": \"csv\", \"filters\": {\"stage\": \"closed won\"}}";
    private static final String ONE_DEAL = "{\"source\": \"deals\", \"format\": \"csv\", \"filters\": {\"id\": \"7\"}}";

    @PersistenceContext(unitName = "export-audit")
    EntityManager em;

    @Inject
    SourceCounts counts;

    @Inject
    SourceCatalog catalog;

    private Api alice;
    private Api erin;
    private Policies policies;

    @Deployment
    static EnterpriseArchive earWithProbe() {
        return ExportAuditEar.withProbe(RollingLimitIT.class, Api.class, DemoRealm.class, Policies.class);
    }

    @BeforeEach
    void callers() throws Exception {
        alice = Api.as("alice");
        erin = Api.as("erin");
        policies = new Policies(alice);
    }

    @AfterEach
    void removePolicies() throws Exception {
        policies.removeAll();
    }

    @Test
    void two_exports_each_under_a_rolling_limit_but_together_over_it_the_second_is_blocked() throws Exception {
        long each = closedWonDeals();
        long limit = recordsInWindow("erin", Duration.ofHours(24)) + each + each / 2;
        long policy = policies.add("{\"source\": \"deals\", \"action\": \"block\", \"limit\": " + limit
                + ", \"window\": \"PT24H\", \"message\": \"Enough deals for today.\"}");

        HttpResponse<String> first = erin.post("exports", CLOSED_WON_DEALS);
        HttpResponse<String> second = erin.post("exports", CLOSED_WON_DEALS);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals("PROCESSING", Api.json(first).getString("status"));
        assertEquals(403, second.statusCode(), second.body());
        JsonObject refusal = Api.json(second);
        assertEquals("blocked-by-policy", refusal.getString("error"));
        assertEquals("Enough deals for today.", refusal.getString("message"));
        assertEquals(limit, refusal.getJsonNumber("limit").longValue());
        assertEquals(policies.description(policy), refusal.getString("policy"));
        long blocked = refusal.getJsonNumber("exportId").longValue();
        JsonObject kept = Api.json(erin.get("exports/" + blocked));
        assertEquals("BLOCKED", kept.getString("status"), "the refused attempt stays in the log");
        assertEquals(policies.description(policy), kept.getString("policy"));
        assertEquals("Enough deals for today.", kept.getString("reason"));
        assertEquals(List.of(AuditKind.EXPORT_REQUESTED, AuditKind.EXPORT_BLOCKED), kinds(blocked));

        HttpResponse<String> small = erin.post("exports", ONE_DEAL);
        assertEquals(202, small.statusCode(), "a blocked attempt exported nothing and does not count: " + small.body());
        assertEquals("COMPLETED", erin.awaitEnd(Api.json(first).getJsonNumber("id").longValue()).getString("status"));
    }

    @Test
    void two_requests_racing_past_a_rolling_limit_never_both_pass() throws Exception {
        long each = closedWonDeals();
        long policy = policies.add("{\"source\": \"deals\", \"action\": \"block\", \"limit\": 10000000,"
                + " \"window\": \"PT24H\"}");
        for (int round = 1; round <= 5; round++) {
            long limit = recordsInWindow("erin", Duration.ofHours(24)) + each + each / 2;
            HttpResponse<String> changed = alice.put("policies/" + policy, "{\"source\": \"deals\", \"action\": \"block\","
                    + " \"limit\": " + limit + ", \"window\": \"PT24H\"}");
            assertEquals(200, changed.statusCode(), changed.body());

            List<Integer> statuses = atOnce(List.of(
                    () -> erin.post("exports", CLOSED_WON_DEALS).statusCode(),
                    () -> erin.post("exports", CLOSED_WON_DEALS).statusCode()));

            assertEquals(List.of(202, 403), statuses.stream().sorted().toList(), "round " + round + ": " + statuses);
        }
    }

    @Test
    void a_rolling_limit_on_one_source_counts_that_source_only() throws Exception {
        long limit = recordsInWindow("erin", Duration.ofHours(24)) + 2;
        policies.add("{\"source\": \"deals\", \"action\": \"block\", \"limit\": " + limit + ", \"window\": \"PT24H\"}");
        long companies = erin.start("companies", "csv");
        assertEquals("COMPLETED", erin.awaitEnd(companies).getString("status"));

        HttpResponse<String> oneDeal = erin.post("exports", ONE_DEAL);

        assertEquals(202, oneDeal.statusCode(), "thousands of companies are no deals: " + oneDeal.body());
    }

    @Test
    void a_limit_on_the_number_of_exports_refuses_the_one_that_reaches_it() throws Exception {
        long limit = exportsInWindow("erin", Duration.ofHours(1)) + 3;
        policies.add("{\"source\": \"deals\", \"action\": \"block\", \"limit\": " + limit
                + ", \"window\": \"PT1H\", \"measure\": \"exports\"}");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(erin.post("exports", ONE_DEAL).statusCode());
        }

        assertEquals(List.of(202, 202, 403), statuses);
    }

    @Test
    void of_several_policies_reached_the_strictest_decides_and_the_export_shows_it() throws Exception {
        long all = closedWonDeals();
        long some = counts.count(catalog.named("deals"), Map.of("stage", "closed won", "currency", "EUR"));
        assertTrue(some >= 2 && some < all, some + " of " + all);
        String notice = policies.description(policies.add(
                "{\"source\": \"deals\", \"appliesTo\": \"export\", \"action\": \"notify\", \"limit\": 1}"));
        String approval = policies.description(policies.add(
                "{\"source\": \"deals\", \"appliesTo\": \"export\", \"action\": \"approve\", \"limit\": 2}"));
        String block = policies.description(policies.add(
                "{\"source\": \"deals\", \"appliesTo\": \"export\", \"action\": \"block\", \"limit\": " + all + "}"));

        HttpResponse<String> blocked = erin.post("exports", CLOSED_WON_DEALS);
        HttpResponse<String> held = erin.post("exports",
                "{\"source\": \"deals\", \"format\": \"csv\", \"filters\": {\"stage\": \"closed won\", \"currency\": \"EUR\"}}");
        HttpResponse<String> noticed = erin.post("exports", ONE_DEAL);

        assertEquals(403, blocked.statusCode(), blocked.body());
        assertEquals(block, Api.json(blocked).getString("policy"));
        assertEquals(block, exportOf(Api.json(blocked).getJsonNumber("exportId").longValue()).getString("policy"));
        assertEquals(202, held.statusCode(), held.body());
        long heldId = Api.json(held).getJsonNumber("id").longValue();
        try {
            assertEquals("AWAITING_APPROVAL", Api.json(held).getString("status"));
            assertEquals(approval, exportOf(heldId).getString("policy"));
        } finally {
            erin.post("exports/" + heldId + "/withdraw", "");
        }
        assertEquals(202, noticed.statusCode(), noticed.body());
        long noticedId = Api.json(noticed).getJsonNumber("id").longValue();
        assertEquals(notice, exportOf(noticedId).getString("policy"));
        assertEquals("COMPLETED", erin.awaitEnd(noticedId).getString("status"));
        assertEquals(AuditKind.EXPORT_RULED_BY_POLICY, kinds(noticedId).get(1));
    }

    private long closedWonDeals() {
        long each = counts.count(catalog.named("deals"), CLOSED_WON);
        assertTrue(each >= 2, "closed-won deals: " + each);
        return each;
    }

    private JsonObject exportOf(long id) throws Exception {
        HttpResponse<String> export = alice.get("exports/" + id);
        assertEquals(200, export.statusCode(), export.body());
        return Api.json(export);
    }

    /** Runs the calls in threads of their own, released together; answers their results in order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> call : calls) {
                running.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The records of {@code user}'s exports of deals in the window as the policy check counts them
     * (refused attempts count nothing), once every one of them is counted: an export that no policy
     * governed when it was asked for is counted by its job, a moment later.
     */
    private long recordsInWindow(String user, Duration window) throws Exception {
        awaitCounted(user, window);
        em.clear();
        Number sum = (Number) em.createQuery("select coalesce(sum(e.records), 0) from Export e where e.requestedBy = :user"
                        + " and e.source = 'deals' and e.requestedAt >= :since and e.status not in :refused")
                .setParameter("user", user)
                .setParameter("since", Instant.now().minus(window))
                .setParameter("refused", ExportStatus.REFUSED)
                .getSingleResult();
        return sum.longValue(); // a BigDecimal in PostgreSQL, a Long in H2
    }

    private long exportsInWindow(String user, Duration window) {
        em.clear();
        return em.createQuery("select count(e) from Export e where e.requestedBy = :user"
                        + " and e.source = 'deals' and e.requestedAt >= :since and e.status not in :refused", Long.class)
                .setParameter("user", user)
                .setParameter("since", Instant.now().minus(window))
                .setParameter("refused", ExportStatus.REFUSED)
                .getSingleResult();
    }

    private void awaitCounted(String user, Duration window) throws Exception {
        Poll.untilTrue(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
            em.clear();
            return em.createQuery("select count(e) from Export e where e.requestedBy = :user and e.source = 'deals'"
                            + " and e.requestedAt >= :since and e.records is null and e.status = :processing", Long.class)
                    .setParameter("user", user)
                    .setParameter("since", Instant.now().minus(window))
                    .setParameter("processing", ExportStatus.PROCESSING)
                    .getSingleResult() == 0;
        }, () -> user + "'s exports of deals are not all counted");
    }

    private List<AuditKind> kinds(long exportId) {
        em.clear();
        Trail.caughtUp();
        return em.createQuery("select a.kind from AuditRecord a where a.exportId = :id order by a.id", AuditKind.class)
                .setParameter("id", exportId).getResultList();
    }
}
