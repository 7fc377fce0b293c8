package org.exportaudit.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The REST API as a script calls it: JSON, a bearer token or none at all. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static final String USER_AGENT = "ExportAuditIT/1.0 (integration tests)";

    private final String token;
    private final URI app;
    private final String languages;

    private Api(String token, URI app) {
        this(token, app, null);
    }

    private Api(String token, URI app, String languages) {
        this.token = token;
        this.app = app;
        this.languages = languages;
    }

    static Api as(String user) throws IOException, InterruptedException {
        return new Api(DemoRealm.accessToken(user), DemoRealm.APP);
    }

    /** A caller with a token of the test's own (one whose sign-in has aged, say). */
    static Api bearing(String token) {
        return new Api(token, DemoRealm.APP);
    }

    static Api anonymous() {
        return new Api(null, DemoRealm.APP);
    }

    /** The same caller, on another server (its application URL). */
    Api on(URI otherApp) {
        return new Api(token, otherApp, languages);
    }

    /** The same caller, asking for these languages ({@code Accept-Language}, as a browser sends it). */
    Api accepting(String acceptLanguage) {
        return new Api(token, app, acceptLanguage);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    /** Starts an export and answers its id, failing unless it was accepted. */
    long start(String source, String format) throws IOException, InterruptedException {
        HttpResponse<String> accepted = post("exports", "{\"source\": \"" + source + "\", \"format\": \"" + format + "\"}");
        if (accepted.statusCode() != 202) {
            throw new AssertionError("export refused: " + accepted.statusCode() + " " + accepted.body());
        }
        return json(accepted).getJsonNumber("id").longValue();
    }

    /** Downloads an export's file, as bytes, with a user agent of its own. */
    HttpResponse<byte[]> download(long id) throws IOException, InterruptedException {
        return HTTP.send(request("exports/" + id + "/file").header("User-Agent", USER_AGENT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Starts the download of an export's file: the body is the caller's to read, at its own pace. */
    HttpResponse<InputStream> downloadStream(long id) throws IOException, InterruptedException {
        return HTTP.send(request("exports/" + id + "/file").header("User-Agent", USER_AGENT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Polls an export until it has ended, for at most a minute. */
    JsonObject awaitEnd(long id) throws Exception {
        return Poll.until(Duration.ofMinutes(1), Duration.ofMillis(100), () -> {
            HttpResponse<String> response = get("exports/" + id);
            if (response.statusCode() != 200) {
                throw new AssertionError("GET exports/" + id + ": " + response.statusCode() + " " + response.body());
            }
            JsonObject export = json(response);
            return Optional.of(export).filter(ended -> !"PROCESSING".equals(ended.getString("status")));
        }, () -> "export " + id + " still PROCESSING");
    }

    /** Polls an export until its first rows are written, failing if it ends before that. */
    void awaitSomeWritten(long id) throws Exception {
        // Up to the first checkpoint (10,000 rows). A server's first export after its start runs cold (no
        // JIT yet, its classes still loading): CI saw CrashRecoveryIT's fresh server take over 10 s for it.
        JsonObject[] seen = new JsonObject[1];
        Poll.untilTrue(Duration.ofSeconds(40), Duration.ofMillis(10), () -> {
            JsonObject export = json(get("exports/" + id));
            seen[0] = export;
            if (!"PROCESSING".equals(export.getString("status"))) {
                throw new AssertionError("export " + id + " ended before it could be interrupted: " + export);
            }
            return export.getJsonObject("progress").getJsonNumber("written").longValue() > 0;
        }, () -> "export " + id + " wrote nothing: " + seen[0]);
    }

    static JsonObject json(HttpResponse<String> response) {
        return DemoRealm.json(response.body());
    }

    /** The bearer token this caller sends, null when anonymous. */
    String token() {
        return token;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest
                .newBuilder(app.resolve(URI.create("api/v1/" + path)))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (languages != null) {
            request.header("Accept-Language", languages);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
