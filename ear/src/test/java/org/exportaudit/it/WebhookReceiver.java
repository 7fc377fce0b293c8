package org.exportaudit.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudEvents webhook, a JDK HTTP server on the port the test server streams to: takes every POST
 * with 204 and keeps the events in the order they came.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonObject> received = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver listening(URI address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address.getHost(), address.getPort()), 50);
        WebhookReceiver webhook = new WebhookReceiver(server);
        server.createContext(address.getPath(), exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonObject event = DemoRealm.json(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                synchronized (webhook) {
                    webhook.received.add(event);
                    String type = exchange.getRequestHeaders().getFirst("Content-Type");
                    if (!webhook.contentTypes.contains(type)) {
                        webhook.contentTypes.add(type);
                    }
                }
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return webhook;
    }

    synchronized List<Long> ids() {
        return received.stream().map(event -> Long.parseLong(event.getString("id"))).toList();
    }

    /** The events by id, the first of each. */
    synchronized Map<Long, JsonObject> events() {
        Map<Long, JsonObject> events = new LinkedHashMap<>();
        received.forEach(event -> events.putIfAbsent(Long.parseLong(event.getString("id")), event));
        return events;
    }

    synchronized List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
