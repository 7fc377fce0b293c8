package org.exportaudit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Downloads of export files and their history. The test server trusts one proxy, 127.0.0.2
 * (arquillian.xml): requests from there may name the client in X-Forwarded-For; anyone else's
 * header is ignored.
 */
@AsksTheDatabase
@DeployedOnce
class DownloadIT {

    private static final String TRUSTED_PROXY = "127.0.0.2";

    @Test
    void the_owner_downloads_the_file_as_an_attachment_and_the_download_is_recorded() throws Exception {
        Api bob = Api.as("bob");
        JsonObject export = bob.awaitEnd(bob.post("exports",
                "{\"source\": \"companies\", \"format\": \"CSV\", \"fileName\": \"Firmen Österreich\"}")
                .headers().firstValue("Location").map(location -> Long.parseLong(
                        location.substring(location.lastIndexOf('/') + 1))).orElseThrow());

        HttpResponse<byte[]> file = bob.download(export.getJsonNumber("id").longValue());

        assertEquals(200, file.statusCode());
        assertEquals("text/csv;charset=UTF-8", file.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals("attachment; filename=\"Firmen _sterreich.csv\"; filename*=UTF-8''Firmen%20%C3%96sterreich.csv",
                file.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals(export.getString("sha256"), HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(file.body())), "the file the export wrote, byte for byte");
        assertTrue(new String(file.body(), StandardCharsets.UTF_8).startsWith("Company ID,Name,Domain,"));

        List<JsonObject> history = history(export.getJsonNumber("id").longValue());
        assertEquals(1, history.size());
        assertEquals("bob", history.get(0).getString("user"));
        assertEquals("127.0.0.1", history.get(0).getString("ip"));
        assertEquals(Api.USER_AGENT, history.get(0).getString("userAgent"));
    }

    @Test
    void the_history_is_newest_first_and_a_super_admin_download_is_recorded_too() throws Exception {
        Api bob = Api.as("bob");
        long id = bob.start("deals", "XLSX");
        bob.awaitEnd(id);
        bob.download(id);

        assertEquals(200, Api.as("alice").download(id).statusCode());

        List<JsonObject> history = history(id);
        assertEquals(List.of("alice", "bob"), history.stream().map(download -> download.getString("user")).toList());
    }

    @Test
    void behind_the_trusted_proxy_the_forwarded_client_address_is_recorded() throws Exception {
        long id = completedExportOfBob();

        assertEquals(200, rawDownload(TRUSTED_PROXY, id, "203.0.113.7"));

        assertEquals("203.0.113.7", history(id).get(0).getString("ip"));
    }

    @Test
    void a_forged_forwarded_header_from_an_untrusted_client_is_ignored() throws Exception {
        long id = completedExportOfBob();

        assertEquals(200, rawDownload("127.0.0.1", id, "198.51.100.66"));

        assertEquals("127.0.0.1", history(id).get(0).getString("ip"));
    }

    @Test
    void a_running_or_cancelled_export_has_no_file() throws Exception {
        Api bob = Api.as("bob");
        long id = bob.start("contacts", "XLSX");
        HttpResponse<byte[]> running = bob.download(id);
        Api.as("alice").post("exports/" + id + "/cancel", "");

        HttpResponse<byte[]> cancelled = bob.download(id);

        assertEquals(409, running.statusCode(), "not yet");
        assertEquals(410, cancelled.statusCode(), "never");
        assertTrue(new String(cancelled.body(), StandardCharsets.UTF_8).contains("cancelled"));
        assertEquals(List.of(), history(id), "refused downloads are not downloads");
    }

    private static long completedExportOfBob() throws Exception {
        Api bob = Api.as("bob");
        long id = bob.start("companies", "CSV");
        bob.awaitEnd(id);
        return id;
    }

    private static List<JsonObject> history(long id) throws Exception {
        HttpResponse<String> history = Api.as("alice").get("exports/" + id + "/downloads");
        assertEquals(200, history.statusCode(), history.body());
        return DemoRealm.jsonArray(history.body()).getValuesAs(JsonObject.class);
    }

    /**
     * A download as bob over a connection from {@code localAddress}, with an X-Forwarded-For
     * header: what a reverse proxy on that address sends. Answers the status code.
     */
    private static int rawDownload(String localAddress, long id, String forwardedFor) throws Exception {
        String token = DemoRealm.accessToken("bob");
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), DemoRealm.APP.getPort(),
                InetAddress.getByName(localAddress), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + DemoRealm.APP.getPath() + "api/v1/exports/" + id + "/file HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String statusLine = response.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElseThrow();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
