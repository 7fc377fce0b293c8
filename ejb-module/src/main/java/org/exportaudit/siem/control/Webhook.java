package org.exportaudit.siem.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.exportaudit.siem.entity.OutletKind;

/**
 * A webhook that takes CloudEvents: each record POSTed on its own as {@code application/cloudevents+json}.
 * A 2xx answer is a delivery; any other answer, a timeout or a refused connection is a failure, and the
 * record is sent again later. Credentials in the URL ({@code https://user:secret@siem.example.com/…}) go
 * into a Basic Authorization header, and never into the receiver's name, the log or the audit page.
 */
public final class Webhook implements Outlet {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final URI target;
    private final String name;
    private final String authorization;
    private final String source;
    private final HttpClient client;

    public Webhook(URI configured, String source) {
        this.target = withoutUserInfo(configured, configured.getRawQuery());
        this.name = withoutUserInfo(configured, null).toString();
        this.authorization = configured.getRawUserInfo() == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString(configured.getUserInfo().getBytes(StandardCharsets.UTF_8));
        this.source = source;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OutletKind kind() {
        return OutletKind.WEBHOOK;
    }

    @Override
    public void send(StreamedRecord record) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", CloudEvent.MEDIA_TYPE + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(CloudEvent.json(record, source), StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + name, e);
        }
        if (answer.statusCode() / 100 != 2) {
            String body = answer.body() == null ? "" : answer.body().strip();
            throw new IOException("HTTP " + answer.statusCode() + " from " + name
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }
    }

    @Override
    public void close() {
        // HttpClient keeps no connection that outlives it (Java 17 has no close()); nothing to free.
    }

    /** The URL without user and password (and, for the receiver's name, without the query, which may hold a token). */
    static URI withoutUserInfo(URI uri, String rawQuery) {
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (rawQuery == null ? "" : "?" + rawQuery));
    }
}
