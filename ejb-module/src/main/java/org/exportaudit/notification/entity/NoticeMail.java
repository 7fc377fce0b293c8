package org.exportaudit.notification.entity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The email of a large-export notice, in plain text and in HTML: who exported which source, how
 * many records, the file name, when, and a link to the export log. Every value that came from a
 * user is escaped in the HTML.
 */
public record NoticeMail(String subject, String text, String html) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static NoticeMail about(LargeExport export, String admin, int threshold, String exportLogLink) {
        String records = String.format(Locale.ROOT, "%,d", export.records());
        String limit = String.format(Locale.ROOT, "%,d", threshold);
        String when = WHEN.format(export.at());
        String subject = "Large export: " + oneLine(export.user()) + " is exporting " + records + " "
                + oneLine(export.sourceLabel()) + " records";
        String text = "Hello " + admin + ",\n\n"
                + export.user() + " is exporting " + records + " records of " + export.sourceLabel()
                + ", more than your threshold of " + limit + ".\n\n"
                + "File:   " + export.fileName() + "\n"
                + "When:   " + when + "\n"
                + "Export: " + exportLogLink + "\n\n"
                + "You receive this because your large export notification threshold is " + limit
                + " records. Change it in Settings > Import & Export.\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family: sans-serif\">"
                + "<p>Hello " + escape(admin) + ",</p>"
                + "<p><strong>" + escape(export.user()) + "</strong> is exporting <strong>" + records
                + "</strong> records of <strong>" + escape(export.sourceLabel()) + "</strong>, more than your threshold of "
                + limit + ".</p>"
                + "<table><tr><th align=\"left\">File</th><td>" + escape(export.fileName()) + "</td></tr>"
                + "<tr><th align=\"left\">When</th><td>" + when + "</td></tr></table>"
                + "<p><a href=\"" + escape(exportLogLink) + "\">Open the export log</a></p>"
                + "<p style=\"color: #666\">You receive this because your large export notification threshold is "
                + limit + " records. Change it in Settings &gt; Import &amp; Export.</p>"
                + "</body></html>";
        return new NoticeMail(subject, text, html);
    }

    /** The email that tells a super admin an export reached a notice policy (alone, or with the user's earlier ones). */
    public static NoticeMail policyReached(LargeExport export, String admin, String policy, long total, String exportLink) {
        String records = String.format(Locale.ROOT, "%,d", export.records());
        String reached = String.format(Locale.ROOT, "%,d", total);
        String subject = "Export policy reached: " + oneLine(export.user()) + " is exporting " + records + " "
                + oneLine(export.sourceLabel()) + " records";
        String text = "Hello " + admin + ",\n\n"
                + export.user() + " is exporting " + records + " records of " + export.sourceLabel()
                + ", which reaches an export policy (" + reached + " counted).\n\n"
                + "Policy: " + policy + "\n"
                + "File:   " + export.fileName() + "\n"
                + "When:   " + WHEN.format(export.at()) + "\n"
                + "Export: " + exportLink + "\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family: sans-serif\">"
                + "<p>Hello " + escape(admin) + ",</p>"
                + "<p><strong>" + escape(export.user()) + "</strong> is exporting <strong>" + records
                + "</strong> records of <strong>" + escape(export.sourceLabel()) + "</strong>, which reaches an export"
                + " policy (" + reached + " counted).</p>"
                + "<table><tr><th align=\"left\">Policy</th><td>" + escape(policy) + "</td></tr>"
                + "<tr><th align=\"left\">File</th><td>" + escape(export.fileName()) + "</td></tr>"
                + "<tr><th align=\"left\">When</th><td>" + WHEN.format(export.at()) + "</td></tr></table>"
                + "<p><a href=\"" + escape(exportLink) + "\">Open the export</a></p>"
                + "</body></html>";
        return new NoticeMail(subject, text, html);
    }

    /** The email that asks a super admin to approve or deny an export, with a link to it. */
    public static NoticeMail askingApproval(LargeExport export, String admin, String policy, Instant until,
            String exportLink) {
        String records = String.format(Locale.ROOT, "%,d", export.records());
        String subject = "Approval needed: " + oneLine(export.user()) + " asks to export " + records + " "
                + oneLine(export.sourceLabel()) + " records";
        String text = "Hello " + admin + ",\n\n"
                + export.user() + " asks to export " + records + " records of " + export.sourceLabel()
                + ". An export policy holds the export until a super admin other than them approves or denies it.\n\n"
                + "Policy:  " + policy + "\n"
                + "File:    " + export.fileName() + "\n"
                + "Asked:   " + WHEN.format(export.at()) + "\n"
                + "Expires: " + WHEN.format(until) + "\n\n"
                + "Approve or deny: " + exportLink + "\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family: sans-serif\">"
                + "<p>Hello " + escape(admin) + ",</p>"
                + "<p><strong>" + escape(export.user()) + "</strong> asks to export <strong>" + records
                + "</strong> records of <strong>" + escape(export.sourceLabel()) + "</strong>. An export policy holds"
                + " the export until a super admin other than them approves or denies it.</p>"
                + "<table><tr><th align=\"left\">Policy</th><td>" + escape(policy) + "</td></tr>"
                + "<tr><th align=\"left\">File</th><td>" + escape(export.fileName()) + "</td></tr>"
                + "<tr><th align=\"left\">Asked</th><td>" + WHEN.format(export.at()) + "</td></tr>"
                + "<tr><th align=\"left\">Expires</th><td>" + WHEN.format(until) + "</td></tr></table>"
                + "<p><a href=\"" + escape(exportLink) + "\">Approve or deny the export</a></p>"
                + "</body></html>";
        return new NoticeMail(subject, text, html);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
