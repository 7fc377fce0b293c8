package org.exportaudit.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The REST API as a script calls it: JSON, a bearer token or none at all. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String token;
    private final URI app;

    private Api(String token, URI app) {
        this.token = token;
        this.app = app;
    }

    static Api as(String user) throws IOException, InterruptedException {
        return new Api(DemoRealm.accessToken(user), DemoRealm.APP);
    }

    static Api anonymous() {
        return new Api(null, DemoRealm.APP);
    }

    /** The same caller, on another server (its application URL). */
    Api on(URI otherApp) {
        return new Api(token, otherApp);
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

    /** Polls an export until it has ended, for at most a minute. */
    JsonObject awaitEnd(long id) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            JsonObject export = json(get("exports/" + id));
            if (!"PROCESSING".equals(export.getString("status"))) {
                return export;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("export " + id + " still PROCESSING after a minute");
    }

    /** Polls an export until its first rows are written, failing if it ends before that. */
    void awaitSomeWritten(long id) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            JsonObject export = json(get("exports/" + id));
            if (!"PROCESSING".equals(export.getString("status"))) {
                throw new AssertionError("export " + id + " ended before it could be interrupted: " + export);
            }
            if (export.getJsonObject("progress").getJsonNumber("written").longValue() > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("export " + id + " wrote nothing within 10 s");
    }

    static JsonObject json(HttpResponse<String> response) {
        return DemoRealm.json(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest
                .newBuilder(app.resolve(URI.create("api/v1/" + path)))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
