package org.exportaudit.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's one JSON-B instance, with JSON-B's defaults as before. Without it, RESTEasy builds a
 * new Jsonb for every body it reads or writes and closes it after: a ServiceLoader lookup that on
 * WildFly searches the deployment's jars, and a Yasson whose class models are built again each
 * time: two fifths of the request threads' samples for {@code GET /me} (flight recording, issue
 * 15). A Jsonb is thread-safe; RESTEasy does not close one that a resolver supplies.
 */
@Provider
public class OneJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
