package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files any node can serve: an export started through the balancer downloads through each node. */
class DownloadClusterIT {

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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
