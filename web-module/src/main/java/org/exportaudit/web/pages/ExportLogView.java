package org.exportaudit.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.exportaudit.audit.boundary.Downloads;
import org.exportaudit.client.DownloadView;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportNotInProgress;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.Roles;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.Source;

/**
 * The export log page: everyone's exports for super admins, one's own for exporters; filters,
 * progress that updates while exports run, cancel and the download history for super admins.
 */
@Named
@ViewScoped
public class ExportLogView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Exports exports;

    @Inject
    Downloads downloads;

    private String user;
    private String source;
    private String status;
    private LocalDate from;
    private LocalDate to;
    private ExportLogPages pages;
    private Long focus;
    private ExportView focused;
    private ExportView historyOf;
    private List<DownloadView> history = List.of();

    public ExportLogPages getPages() {
        if (pages == null) {
            search();
        }
        return pages;
    }

    /** Applies the filters, from the first page. */
    public void search() {
        ExportLogQuery query = new ExportLogQuery(blankToNull(user), blankToNull(source), blankToNull(status),
                ExportLogQuery.startOf(from), ExportLogQuery.endOf(to), PAGE, null);
        pages = new ExportLogPages(query);
    }

    /** The export a notice links to ({@code /log/42}), shown above the log; null if none or not the caller's. */
    public ExportView getFocused() {
        if (focused == null && focus != null) {
            try {
                focused = exports.find(focus);
            } catch (ExportNotFound missing) {
                focus = null;
            }
        }
        return focused;
    }

    /** Forgets the export a notice links to, as read: it is read again, as it stands now, when next shown. */
    public void refocus() {
        focused = null;
    }

    public Long getFocus() {
        return focus;
    }

    /**
     * Set from {@code ?export=} when the page opens. Faces sets view parameters again on every
     * postback, and the log's links name their export in a parameter of the same name: the export
     * shown stays the one the page opened with.
     */
    public void setFocus(Long focus) {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            this.focus = focus;
        }
    }

    /**
     * Cancels the export whose link was clicked, named by the link's own parameter as the page showed
     * it: a row index would name whatever export stands there now, and new exports push the rows down
     * between the page's last refresh and the click.
     */
    public void cancelClicked() {
        Long id = clickedExport();
        if (id == null) {
            message(FacesMessage.SEVERITY_ERROR, "No export to cancel.");
            return;
        }
        cancel(id);
    }

    private void cancel(long id) {
        try {
            exports.cancel(id);
            message(FacesMessage.SEVERITY_INFO, "Export " + id + " cancelled.");
        } catch (ExportNotInProgress ended) {
            message(FacesMessage.SEVERITY_WARN, "Export " + id + " had already ended.");
        }
    }

    /** Shows who downloaded the export whose link was clicked, named by the link as cancel's is. */
    public void historyClicked() {
        Long id = clickedExport();
        if (id == null) {
            message(FacesMessage.SEVERITY_ERROR, "No export to show the history of.");
            return;
        }
        try {
            historyOf = exports.find(id);
            history = downloads.history(id);
        } catch (ExportNotFound gone) {
            message(FacesMessage.SEVERITY_ERROR, "Export " + id + " was not found.");
        }
    }

    /** The export a row's link names in its "export" parameter; null if it names none. */
    static Long clickedExport() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("export");
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    public boolean isSuperAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.SUPER_ADMIN);
    }

    public List<Source> getSources() {
        return exports.sources();
    }

    /** Dates as the log shows them, in UTC (Faces 4.0's converters do not format an Instant). */
    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** A status as the log says it: "Awaiting approval" for AWAITING_APPROVAL. */
    public String statusLabel(String status) {
        String words = status.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Who decided on the export and why, as the log shows it under the name: the denial's reason,
     * the block's message, the expiry; null when nobody decided.
     */
    public String decisionOf(ExportView export) {
        return switch (export.status()) {
            case "DENIED" -> "Denied by " + export.decidedBy() + ": " + export.reason();
            case "BLOCKED", "EXPIRED" -> statusLabel(export.status()) + ": " + export.reason();
            case "WITHDRAWN" -> "Withdrawn by " + export.decidedBy();
            default -> export.decidedBy() == null ? null
                    : "Approved by " + export.decidedBy() + " on " + when(export.decidedAt());
        };
    }

    public int progressOf(ExportView export) {
        if (export.records() == null || export.records() == 0) {
            return 0;
        }
        return (int) Math.min(100, export.written() * 100 / export.records());
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** No user name is longer than the log's column for it. */
    public int getLongestUser() {
        return Export.USER_LENGTH;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public ExportView getHistoryOf() {
        return historyOf;
    }

    public List<DownloadView> getHistory() {
        return history;
    }
}
