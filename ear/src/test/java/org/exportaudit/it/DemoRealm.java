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
    /** The test server's application: on 8080, or where the phase moved it (ear/pom.xml). */
    static final URI APP = URI.create(System.getProperty("export-audit.it.app", "http://127.0.0.1:8080/export-audit/"));

    private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirects
    private static final java.util.Base64.Encoder BASE64URL = java.util.Base64.getUrlEncoder().withoutPadding();
    /** Where a script listening on the loopback would get its code (the client allows http://127.0.0.1/*). */
    private static final String LOOPBACK = "http://127.0.0.1/signed-in";

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

    /**
     * Keycloak's token response for a demo user who signs in as a script does in a browser: on
     * Keycloak's login form, with an authorization code, PKCE and a loopback redirect (RFC 8252),
     * which this client never follows. Only such a sign-in gets an {@code auth_time}: Keycloak 26
     * records none for the password grant, so step-up policies refuse those tokens.
     */
    static JsonObject browserSignIn(String user) throws IOException, InterruptedException {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String verifier = BASE64URL.encodeToString(random);
        String challenge;
        try {
            challenge = BASE64URL.encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                + "/protocol/openid-connect/auth?client_id=export-audit-cli&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(LOOPBACK, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher form = java.util.regex.Pattern
                .compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(login.body());
        if (login.statusCode() != 200 || !form.find()) {
            throw new IllegalStateException("no login form from Keycloak: " + login.statusCode() + " " + login.body());
        }
        // Keycloak's cookies are Secure, which java.net's cookie handling never sends over http: by hand.
        String cookies = String.join("; ", login.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String back = signedIn.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "Keycloak did not sign " + user + " in: " + signedIn.statusCode() + " " + signedIn.body()));
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(back);
        if (!code.find()) {
            throw new IllegalStateException("no code in " + back);
        }
        return tokenResponse(user, "grant_type=authorization_code&client_id=export-audit-cli&code=" + code.group(1)
                + "&redirect_uri=" + URLEncoder.encode(LOOPBACK, StandardCharsets.UTF_8) + "&code_verifier=" + verifier);
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
