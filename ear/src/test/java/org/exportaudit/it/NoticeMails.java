package org.exportaudit.it;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

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
        JsonObject[] mail = new JsonObject[1];
        return Poll.until(within, Duration.ofMillis(50), () -> {
            JsonObject notice = noticeOf(admin, exportId);
            mail[0] = notice == null || notice.isNull("mail") ? null : notice.getJsonObject("mail");
            return Optional.ofNullable(mail[0])
                    .filter(seen -> seen.getString("status").equals(status) && seen.getInt("attempts") >= attempts);
        }, () -> "the mail about export " + exportId + " is not " + status + " after " + attempts + " attempts: "
                + mail[0]);
    }
}
