package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Another site's page cannot change anything through the API with a signed-in super admin's
 * session cookie: it posts what a plain HTML form can post (text/plain, no preflight), or what a
 * script might, with the cookie that a browser would attach. Every state-changing endpoint is
 * tried, and what it would have changed is read back with a bearer token.
 */
@DeployedOnce
class CrossSiteRequestIT {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final String EVIL = "https://evil.example";

    @Test
    void a_cross_site_request_with_the_session_cookie_changes_nothing() throws Exception {
        Api alice = Api.as("alice");
        Api bob = Api.as("bob");
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1}").statusCode());
        String session = signedInSessionOf("alice");
        HttpResponse<String> me = forged("GET", "me", session, null, "");
        assertEquals(200, me.statusCode(), "the cookie does sign alice in to the API: " + me.body());
        assertEquals("alice", Api.json(me).getString("username"));
        List<String> contentTypes = List.of("text/plain", "application/x-www-form-urlencoded", "application/json");

        long running = bob.start("contacts", "xlsx");
        for (String contentType : contentTypes) {
            assertRefused(forged("POST", "exports/" + running + "/cancel", session, contentType, "x=1"));
        }
        JsonObject notice = awaitNoticeOf(alice, running);
        long newestBefore = newestExportId(alice);
        JsonValue anchorBefore = Api.json(alice.get("audit/verify")).get("lastAnchor");
        for (String contentType : contentTypes) {
            assertRefused(forged("POST", "notifications/" + notice.getJsonNumber("id") + "/read", session,
                    contentType, "x=1"));
            assertRefused(forged("PUT", "settings/large-export-threshold", session, contentType,
                    "{\"threshold\": 275000}"));
            assertRefused(forged("POST", "exports", session, contentType,
                    "{\"source\": \"deals\", \"format\": \"csv\"}"));
            assertRefused(forged("DELETE", "exports/" + running, session, contentType, ""));
            assertRefused(forged("POST", "audit/anchors", session, contentType, "x=1"));
        }

        JsonObject export = Api.json(alice.get("exports/" + running));
        assertNotEquals("CANCELLED", export.getString("status"), export.toString());
        assertNotEquals("CANCELLED", alice.awaitEnd(running).getString("status"));
        assertFalse(noticeOf(alice, running).orElseThrow().getBoolean("read"), "the notice is still unread");
        assertEquals(1, Api.json(alice.get("settings/large-export-threshold")).getInt("threshold"));
        assertEquals(newestBefore, newestExportId(alice), "no export was started");
        assertEquals(anchorBefore, Api.json(alice.get("audit/verify")).get("lastAnchor"), "no anchor was published");
    }

    @Test
    void the_same_changes_with_a_bearer_token_still_work() throws Exception {
        Api alice = Api.as("alice");
        long running = Api.as("bob").start("contacts", "xlsx");

        HttpResponse<String> cancelled = alice.post("exports/" + running + "/cancel", "");

        assertTrue(cancelled.statusCode() == 200 || cancelled.statusCode() == 409, cancelled.body());
        assertEquals(200, alice.put("settings/large-export-threshold", "{\"threshold\": 1}").statusCode());
    }

    @Test
    void an_anonymous_change_is_still_told_to_sign_in() throws Exception {
        HttpResponse<String> anonymous = forged("POST", "exports/1/cancel", null, "text/plain", "");

        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("unauthenticated", Api.json(anonymous).getString("error"));
    }

    @Test
    void the_session_cookie_is_same_site_lax() throws Exception {
        List<String> sessionCookies = new ArrayList<>();
        // The sign-in may start a session before it sends the browser to Keycloak; a page with a form starts one
        // for its view state.
        HttpResponse<String> toKeycloak = HTTP.send(HttpRequest.newBuilder(DemoRealm.APP.resolve("index.xhtml"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(DemoRealm.APP.resolve("exports.xhtml"))
                .header("Authorization", "Bearer " + DemoRealm.accessToken("bob")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (HttpResponse<String> response : List.of(toKeycloak, page)) {
            response.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .forEach(sessionCookies::add);
        }

        assertFalse(sessionCookies.isEmpty(), "a session cookie was set: " + toKeycloak.headers() + page.headers());
        for (String cookie : sessionCookies) {
            assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
            assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        }
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.request().method() + " " + response.request().uri()
                + " " + response.request().headers().firstValue("Content-Type").orElse("") + ": " + response.body());
        assertEquals("bearer-token-required", Api.json(response).getString("error"), response.body());
    }

    /** A request as another site's page makes it: its Origin, the victim's cookie, no token. */
    private static HttpResponse<String> forged(String method, String path, String session, String contentType,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(DemoRealm.APP.resolve("api/v1/" + path))
                .header("Origin", EVIL)
                .header("Sec-Fetch-Site", "cross-site")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through Keycloak's real login page in a browser, and answers the session cookie it got. */
    private static String signedInSessionOf(String user) throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(DemoRealm.APP.toString());
            browser.signInOnKeycloak(user);
            assertEquals(user, browser.text(By.id("username")));
            String session = browser.cookie("JSESSIONID");
            assertNotNull(session, "the session cookie");
            return session;
        }
    }

    private static JsonObject awaitNoticeOf(Api admin, long exportId) throws Exception {
        return Poll.until(Duration.ofSeconds(30), Duration.ofMillis(100), () -> noticeOf(admin, exportId),
                () -> "no notice of export " + exportId);
    }

    private static Optional<JsonObject> noticeOf(Api admin, long exportId) throws Exception {
        return Api.json(admin.get("notifications")).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(notice -> notice.getJsonNumber("exportId").longValue() == exportId)
                .findFirst();
    }

    private static long newestExportId(Api admin) throws Exception {
        return Api.json(admin.get("exports?limit=1")).getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
    }
}
