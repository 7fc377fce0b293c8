package org.exportaudit.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The demo realm of the Keycloak that the build started: tokens for its users through the public
 * client {@code export-audit-cli}, as a script would get them.
 */
final class DemoRealm {

    static final String KEYCLOAK = "http://127.0.0.1:8180/realms/export-audit";
    static final URI APP = URI.create("http://127.0.0.1:8080/export-audit/");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DemoRealm() {
    }

    /** An access token for a demo user, whose password is their name. */
    static String accessToken(String user) throws IOException, InterruptedException {
        return tokens(user).getString("access_token");
    }

    /** Keycloak's token response for a demo user who has just entered their password: access and refresh token. */
    static JsonObject tokens(String user) throws IOException, InterruptedException {
        return tokenResponse(user, "grant_type=password&client_id=export-audit-cli&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
    }

    /** New tokens for the same sign-in, as a script refreshes them: no password entered. */
    static JsonObject refreshed(JsonObject tokens) throws IOException, InterruptedException {
        return tokenResponse("the refresh", "grant_type=refresh_token&client_id=export-audit-cli&refresh_token="
                + URLEncoder.encode(tokens.getString("refresh_token"), StandardCharsets.UTF_8));
    }

    /** A token's claims, read without checking its signature (the server checks it). */
    static JsonObject claims(String token) {
        return json(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonObject tokenResponse(String what, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest
                .newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + what + ": "
                    + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    static jakarta.json.JsonArray jsonArray(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
