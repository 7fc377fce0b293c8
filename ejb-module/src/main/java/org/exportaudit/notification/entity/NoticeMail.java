package org.exportaudit.notification.entity;

import java.time.Instant;

/**
 * The email of a notice, in plain text and in HTML, in the language its super admin reads and with
 * times in their zone: who exported which source, how many records, the file name, when, and a link
 * to the export. Every value that came from a user is escaped in the HTML and kept on one line in
 * the subject.
 */
public record NoticeMail(String subject, String text, String html) {

    /** An export larger than the admin's own threshold. */
    public static NoticeMail about(LargeExport export, MailReader reader, int threshold, String exportLogLink) {
        return new Letter(reader)
                .sentence("large.body", export.user(), export.records(), export.sourceLabel(), threshold)
                .fact("file", export.fileName())
                .fact("when", export.at())
                .link("large.link", exportLogLink)
                .note("large.why", threshold)
                .under("large.subject", export.user(), export.records(), export.sourceLabel());
    }

    /** An export that reached a notice policy (alone, or with the user's earlier ones). */
    public static NoticeMail policyReached(LargeExport export, MailReader reader, String policy, long total, String exportLink) {
        return new Letter(reader)
                .sentence("reached.body", export.user(), export.records(), export.sourceLabel(), total)
                .fact("policy", policy)
                .fact("file", export.fileName())
                .fact("when", export.at())
                .link("reached.link", exportLink)
                .under("reached.subject", export.user(), export.records(), export.sourceLabel());
    }

    /** An export that waits for a super admin's approval, with a link to approve or deny it. */
    public static NoticeMail askingApproval(LargeExport export, MailReader reader, String policy, Instant until,
            String exportLink) {
        return new Letter(reader)
                .sentence("approval.body", export.user(), export.records(), export.sourceLabel())
                .fact("policy", policy)
                .fact("file", export.fileName())
                .fact("asked", export.at())
                .fact("expires", until)
                .link("approval.link", exportLink)
                .under("approval.subject", export.user(), export.records(), export.sourceLabel());
    }
}
