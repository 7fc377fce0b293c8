package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the API against every kind of caller, with what PRODUCT.md allows each:
 * anonymous (401), carl without a role (403), the exporters bob and erin (their own exports only;
 * anyone else's is 404; no policies, no approvals, no audit trail) and the super admin alice
 * (everything but withdrawing someone else's request).
 */
@DeployedOnce
class AuthorizationMatrixIT {

    private static final HttpClient PAGES = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final List<String> CALLERS = List.of("anonymous", "carl", "bob", "erin", "alice");

    /** A notice from the highest limit on one source: it governs requests but never decides on one. */
    private static final String UNREACHABLE_POLICY = "{\"source\": \"companies\", \"appliesTo\": \"super-admin\","
            + " \"action\": \"notify\", \"limit\": 10000000}";

    private static Map<String, Api> api;
    private static long bobs;
    private static long erins;
    private static long policy;
    private static final List<Long> waiting = new ArrayList<>();
    private static final List<Long> createdPolicies = new ArrayList<>();

    @BeforeAll
    static void exportsOfBobAndErin() throws Exception {
        api = new LinkedHashMap<>();
        api.put("anonymous", Api.anonymous());
        for (String user : CALLERS.subList(1, CALLERS.size())) {
            api.put(user, Api.as(user));
        }
        bobs = api.get("bob").start("companies", "CSV");
        erins = api.get("erin").start("companies", "XLSX");
        api.get("bob").awaitEnd(bobs);
        api.get("erin").awaitEnd(erins);
        // Three of bob's exports awaiting approval (to approve, deny and withdraw), held by a policy that
        // goes again at once; and a policy that governs nothing reachable, to read, change and remove.
        HttpResponse<String> approval = api.get("alice").post("policies",
                "{\"source\": \"contacts\", \"appliesTo\": \"export\", \"action\": \"approve\", \"limit\": 1}");
        assertEquals(201, approval.statusCode(), approval.body());
        long approvalId = Api.json(approval).getJsonNumber("id").longValue();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> held = api.get("bob").post("exports",
                        "{\"source\": \"contacts\", \"format\": \"csv\", \"filters\": {\"country\": \"Austria\"}}");
                assertEquals("AWAITING_APPROVAL", Api.json(held).getString("status"), held.body());
                waiting.add(Api.json(held).getJsonNumber("id").longValue());
            }
        } finally {
            assertEquals(204, api.get("alice").delete("policies/" + approvalId).statusCode());
        }
        HttpResponse<String> unreachable = api.get("alice").post("policies", UNREACHABLE_POLICY.replace("super-admin", "export"));
        assertEquals(201, unreachable.statusCode(), unreachable.body());
        policy = Api.json(unreachable).getJsonNumber("id").longValue();
        createdPolicies.add(policy);
    }

    /** Removes the policies the matrix created, and withdraws what still waits: other tests start from none. */
    @AfterAll
    static void removePolicies() throws Exception {
        for (long id : createdPolicies) {
            api.get("alice").delete("policies/" + id);
        }
        for (long id : waiting) {
            api.get("bob").post("exports/" + id + "/withdraw", "");
        }
    }

    @Test
    void each_caller_gets_exactly_the_status_the_product_allows() throws Exception {
        // expected statuses, in the order anonymous, carl, bob, erin, alice
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("GET me", List.of(401, 200, 200, 200, 200));
        expected.put("GET sources", List.of(401, 403, 200, 200, 200));
        expected.put("GET exports", List.of(401, 403, 200, 200, 200));
        expected.put("GET exports/" + bobs, List.of(401, 403, 200, 404, 200));
        expected.put("GET exports/" + bobs + "/file", List.of(401, 403, 200, 404, 200));
        expected.put("GET exports/" + bobs + "/downloads", List.of(401, 403, 403, 403, 200));
        expected.put("POST exports/" + bobs + "/cancel", List.of(401, 403, 403, 403, 409));
        expected.put("GET exports/" + erins, List.of(401, 403, 404, 200, 200));
        expected.put("GET exports/" + erins + "/file", List.of(401, 403, 404, 200, 200));
        expected.put("GET settings/large-export-threshold", List.of(401, 403, 403, 403, 200));
        expected.put("PUT settings/large-export-threshold", List.of(401, 403, 403, 403, 200));
        expected.put("GET notifications", List.of(401, 403, 403, 403, 200));
        expected.put("POST exports", List.of(401, 403, 202, 202, 202));
        expected.put("GET policies", List.of(401, 403, 403, 403, 200));
        expected.put("POST policies", List.of(401, 403, 403, 403, 201));
        expected.put("PUT policies/" + policy, List.of(401, 403, 403, 403, 200));
        expected.put("POST exports/" + waiting.get(0) + "/approve", List.of(401, 403, 403, 403, 200));
        expected.put("POST exports/" + waiting.get(1) + "/deny", List.of(401, 403, 403, 403, 200));
        // its requester only; erin does not see it, a super admin denies rather than withdraws
        expected.put("POST exports/" + waiting.get(2) + "/withdraw", List.of(401, 403, 200, 404, 403));
        expected.put("DELETE policies/" + policy, List.of(401, 403, 403, 403, 204));
        expected.put("GET audit", List.of(401, 403, 403, 403, 200));
        expected.put("GET audit/verify", List.of(401, 403, 403, 403, 200));
        expected.put("GET audit/csv", List.of(401, 403, 403, 403, 200));
        expected.put("POST audit/anchors", List.of(401, 403, 403, 403, 201));
        expected.put("GET dashboard", List.of(401, 403, 403, 403, 200));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> endpoint : expected.entrySet()) {
            for (int caller = 0; caller < CALLERS.size(); caller++) {
                HttpResponse<?> answer = call(api.get(CALLERS.get(caller)), endpoint.getKey());
                int status = answer.statusCode();
                if (endpoint.getKey().equals("POST policies") && status == 201) {
                    createdPolicies.add(DemoRealm.json((String) answer.body()).getJsonNumber("id").longValue());
                }
                if (status != endpoint.getValue().get(caller)) {
                    wrong.add(endpoint.getKey() + " as " + CALLERS.get(caller) + ": " + status
                            + " instead of " + endpoint.getValue().get(caller));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The pages' side of the audit trail and the dashboard: a signed-in browser's page request, here with a bearer token. */
    @Test
    void only_a_super_admin_opens_the_audit_trail_and_the_dashboard() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Integer> expected = List.of(302, 403, 403, 403, 200);
        Map<String, String> headings = Map.of("audit.xhtml", "<h1>Audit trail</h1>", "dashboard.xhtml", "<h1>Dashboard</h1>");
        for (Map.Entry<String, String> page : headings.entrySet()) {
            for (int caller = 0; caller < CALLERS.size(); caller++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(DemoRealm.APP.resolve(page.getKey()))
                        .header("Accept", "text/html");
                String token = api.get(CALLERS.get(caller)).token();
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> answer = PAGES.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != expected.get(caller)
                        || answer.statusCode() == 200 && !answer.body().contains(page.getValue())) {
                    wrong.add(page.getKey() + " as " + CALLERS.get(caller) + ": " + answer.statusCode() + " instead of "
                            + expected.get(caller));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void an_exporter_lists_only_their_own_exports_and_a_super_admin_everyones() throws Exception {
        Set<Long> bobSees = ids(api.get("bob"), "exports?limit=200");
        Set<Long> erinSees = ids(api.get("erin"), "exports?limit=200");
        Set<Long> aliceSees = ids(api.get("alice"), "exports?limit=200");

        assertTrue(bobSees.contains(bobs));
        assertFalse(bobSees.contains(erins), "bob never sees erin's export");
        assertFalse(erinSees.contains(bobs));
        assertTrue(aliceSees.containsAll(Set.of(bobs, erins)));
        assertEquals(Set.of(), ids(api.get("bob"), "exports?user=erin&limit=200"), "not even by asking for it");
    }

    @Test
    void a_refusal_tells_nothing_about_the_export() throws Exception {
        HttpResponse<String> missing = api.get("bob").get("exports/" + erins);
        HttpResponse<String> none = api.get("bob").get("exports/999999999");

        assertEquals(404, missing.statusCode());
        assertEquals(none.body().replace("999999999", "ID"), missing.body().replace(Long.toString(erins), "ID"),
                "another user's export reads exactly like one that does not exist");
    }

    private static Set<Long> ids(Api caller, String path) throws Exception {
        HttpResponse<String> page = caller.get(path);
        assertEquals(200, page.statusCode(), page.body());
        return Api.json(page).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getJsonNumber("id").longValue())
                .collect(Collectors.toSet());
    }

    private static HttpResponse<?> call(Api caller, String endpoint) throws Exception {
        String[] methodAndPath = endpoint.split(" ", 2);
        return switch (methodAndPath[0]) {
            case "GET" -> methodAndPath[1].endsWith("/file") ? caller.download(Long.parseLong(
                    methodAndPath[1].split("/")[1])) : caller.get(methodAndPath[1]);
            case "PUT" -> caller.put(methodAndPath[1], methodAndPath[1].startsWith("policies")
                    ? UNREACHABLE_POLICY.replace("super-admin", "export") : "{\"threshold\": 250000}");
            case "POST" -> caller.post(methodAndPath[1], methodAndPath[1].equals("policies") ? UNREACHABLE_POLICY
                    : methodAndPath[1].equals("audit/anchors") ? ""
                    : methodAndPath[1].endsWith("/deny") ? "{\"reason\": \"Not needed.\"}"
                    : "{\"source\": \"deals\", \"format\": \"CSV\"}");
            case "DELETE" -> caller.delete(methodAndPath[1]);
            default -> throw new IllegalArgumentException(endpoint);
        };
    }
}
