package org.exportaudit.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look it up again
 * through the ServiceLoader on every call, which on WildFly searches the deployment's jars for a
 * service file: that was half of an export log page's time at the server (bench/engine.py's log
 * profile), one lookup per value of every row.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
