package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pages without a browser: who is sent where before anything is shown. */
@DeployedOnce
class PageSecurityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void an_anonymous_page_request_is_sent_to_keycloak() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(DemoRealm.APP)
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(302, page.statusCode());
        String location = page.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(DemoRealm.KEYCLOAK + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("client_id=export-audit-web"), location);
    }

    @Test
    void a_bearer_token_of_a_user_without_a_role_gets_403_from_the_page() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(DemoRealm.APP.resolve("index.xhtml"))
                .header("Authorization", "Bearer " + DemoRealm.accessToken("carl"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("No access"), page.body());
    }

    @Test
    void a_viewer_zone_cookie_that_does_not_decode_is_ignored_and_an_unparsable_language_is_english() throws Exception {
        String token = DemoRealm.accessToken("alice");
        List<String> wrong = new ArrayList<>();
        for (String page : new String[] {"index.xhtml", "exports.xhtml", "audit.xhtml"}) {
            for (String cookie : new String[] {"ea-zone=%", "ea-zone=%zz", "ea-zone=Europe%2", "ea-zone=%E0%A4%A"}) {
                HttpResponse<String> shown = HTTP.send(HttpRequest.newBuilder(DemoRealm.APP.resolve(page))
                        .header("Authorization", "Bearer " + token)
                        .header("Cookie", cookie)
                        .header("Accept-Language", "sv;q=2")
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (shown.statusCode() != 200 || !shown.body().contains("lang=\"en\"")) {
                    wrong.add(page + " with " + cookie + " → " + shown.statusCode());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void sign_out_cannot_be_triggered_by_a_plain_link() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(DemoRealm.APP.resolve("sign-out"))
                .header("Authorization", "Bearer " + DemoRealm.accessToken("bob"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(405, get.statusCode());
    }

    @Test
    void another_sites_form_cannot_sign_anyone_out() throws Exception {
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(DemoRealm.APP.resolve("sign-out"))
                .header("Authorization", "Bearer " + DemoRealm.accessToken("bob"))
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, forged.statusCode());
    }
}
