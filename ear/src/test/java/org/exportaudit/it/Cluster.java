package org.exportaudit.it;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * Stub for compilation, replaced by the infra branch: the two-node cluster test harness of
 * CLUSTER-CONTRACT.md. Every method fails: the real one starts the cluster.
 */
final class Cluster {

    static final URI BALANCER = URI.create("http://127.0.0.1:8080/export-audit/");

    private Cluster() {
    }

    static Cluster running() {
        throw new UnsupportedOperationException("stub for compilation, replaced by the infra branch");
    }

    List<String> nodes() {
        return List.of("node-1", "node-2");
    }

    URI app(String node) {
        return URI.create("node-1".equals(node) ? "http://127.0.0.1:8280/export-audit/"
                : "http://127.0.0.1:8380/export-audit/");
    }

    void kill(String node) {
        throw new UnsupportedOperationException("stub");
    }

    void start(String node) {
        throw new UnsupportedOperationException("stub");
    }

    Path exports() {
        throw new UnsupportedOperationException("stub");
    }

    Path serverLog(String node) {
        throw new UnsupportedOperationException("stub");
    }

    Connection database() {
        throw new UnsupportedOperationException("stub");
    }
}
