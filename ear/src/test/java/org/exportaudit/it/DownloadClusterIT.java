package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files any node can serve: an export started through the balancer downloads through each node, and
 * a large file downloads through the balancer however long it takes.
 */
class DownloadClusterIT {

    /** The balancer's max-request-time (load-balancer.cli): how long any other request may take. */
    private static final Duration BALANCER_REQUEST_LIMIT = Duration.ofSeconds(10);

    /** How long the slow reader below takes over the whole file: well past the balancer's limit. */
    private static final Duration SLOW_DOWNLOAD = Duration.ofSeconds(15);

    /** A slow download must still end; a cut one ends early, a stuck one is caught by this. */
    private static final Duration DOWNLOAD_DEADLINE = Duration.ofMinutes(1);

    @Test
    void an_export_made_through_the_balancer_downloads_through_each_node_and_each_download_is_recorded_once()
            throws Exception {
        Cluster cluster = Cluster.running();
        Api bob = Api.as("bob").on(Cluster.BALANCER);
        long id = bob.start("companies", "CSV");
        JsonObject export = bob.awaitEnd(id);
        assertEquals("COMPLETED", export.getString("status"), export.toString());

        HttpResponse<byte[]> fromNode1 = bob.on(cluster.app("node-1")).download(id);
        HttpResponse<byte[]> fromNode2 = bob.on(cluster.app("node-2")).download(id);

        assertEquals(200, fromNode1.statusCode());
        assertEquals(200, fromNode2.statusCode());
        assertEquals("node-1", fromNode1.headers().firstValue("X-Export-Audit-Node").orElseThrow());
        assertEquals("node-2", fromNode2.headers().firstValue("X-Export-Audit-Node").orElseThrow());
        assertArrayEquals(fromNode1.body(), fromNode2.body(), "the same file, whichever node serves it");
        assertEquals(export.getString("sha256"), sha256(fromNode2.body()), "the file the export wrote, byte for byte");

        HttpResponse<String> history = Api.as("alice").on(Cluster.BALANCER).get("exports/" + id + "/downloads");
        assertEquals(200, history.statusCode(), history.body());
        List<JsonObject> downloads = DemoRealm.jsonArray(history.body()).getValuesAs(JsonObject.class);
        assertEquals(List.of("bob", "bob"), downloads.stream().map(download -> download.getString("user")).toList(),
                "two downloads, one record each: " + downloads);
    }

    @Test
    void a_large_file_downloads_through_the_balancer_in_full_when_it_takes_longer_than_the_balancers_request_limit()
            throws Exception {
        Cluster.running();
        Api bob = Api.as("bob").on(Cluster.BALANCER);
        long id = bob.start("big-contacts", "CSV"); // ~200 MB
        JsonObject export = bob.awaitEnd(id);
        assertEquals("COMPLETED", export.getString("status"), export.toString());
        long size = export.getJsonNumber("fileSize").longValue();

        long started = System.nanoTime();
        HttpResponse<InputStream> download = bob.downloadStream(id);
        assertEquals(200, download.statusCode());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long read = readSlowly(download.body(), size, sha256, started);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("Download of export " + id + " through the balancer: " + read + " of " + size
                + " bytes in " + took.toMillis() + " ms");

        assertTrue(took.compareTo(BALANCER_REQUEST_LIMIT) > 0,
                "the download must outlast the balancer's request limit to show anything: " + took);
        assertEquals(size, read, "the whole file, not cut by the balancer");
        assertEquals(export.getString("sha256"), HexFormat.of().formatHex(sha256.digest()), "byte for byte");
    }

    /**
     * Reads the stream to its end at a pace that spreads the expected size over {@link #SLOW_DOWNLOAD}, like a
     * user on a slow link (the reader stops reading, so the balancer and the node wait on TCP's back-pressure),
     * failing past {@link #DOWNLOAD_DEADLINE}; answers the bytes read.
     */
    private static long readSlowly(InputStream body, long expected, MessageDigest digest, long started)
            throws Exception {
        double nanosPerByte = (double) SLOW_DOWNLOAD.toNanos() / expected;
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (body) {
            for (int n; (n = body.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
                read += n;
                long elapsed = System.nanoTime() - started;
                assertTrue(elapsed < DOWNLOAD_DEADLINE.toNanos(), "still downloading after " + DOWNLOAD_DEADLINE);
                long ahead = (long) (read * nanosPerByte) - elapsed;
                if (ahead > 0) {
                    // The pacing of a slow reader, not a wait for a condition: this test is the user on
                    // a slow link, and reading slowly is what it does; there is nothing to await.
                    Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                }
            }
        } catch (IOException cut) {
            throw new AssertionError("the download broke off after " + read + " of " + expected + " bytes", cut);
        }
        return read;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
