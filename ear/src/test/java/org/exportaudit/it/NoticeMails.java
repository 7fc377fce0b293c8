package org.exportaudit.it;

import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * Where a notice's mail is, as its admin sees it in {@code GET notifications}: tests wait for the
 * outbox to be done with a mail (SENT, FAILED) instead of sleeping for a timer run.
 */
final class NoticeMails {

    private NoticeMails() {
    }

    /** The admin's notice about the export, or null. */
    static JsonObject noticeOf(Api admin, long exportId) throws Exception {
        return Api.json(admin.get("notifications")).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getJsonNumber("exportId").longValue() == exportId)
                .findFirst().orElse(null);
    }

    /**
     * Waits until the mail of the admin's notice about the export is in {@code status} after at
     * least {@code attempts} attempts; its {@code mail} object ({@code status}, {@code attempts}).
     */
    static JsonObject await(Api admin, long exportId, String status, int attempts, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject mail = null;
        while (System.nanoTime() < deadline) {
            JsonObject notice = noticeOf(admin, exportId);
            mail = notice == null || notice.isNull("mail") ? null : notice.getJsonObject("mail");
            if (mail != null && mail.getString("status").equals(status) && mail.getInt("attempts") >= attempts) {
                return mail;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the mail about export " + exportId + " is not " + status + " after " + attempts
                + " attempts within " + within + ": " + mail);
    }
}
