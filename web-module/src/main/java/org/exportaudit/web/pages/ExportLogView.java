package org.exportaudit.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exportaudit.audit.boundary.Downloads;
import org.exportaudit.audit.view.DownloadView;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportNotInProgress;
import org.exportaudit.client.ExportRefused;
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

    @Inject
    Exports exports;

    @Inject
    Downloads downloads;

    @Inject
    ViewerTime time;

    private String user;
    private String source;
    private String status;
    private LocalDate from;
    private LocalDate to;
    private ExportLogLazyModel pages;
    private Long focus;
    private ExportView focused;
    private ExportView historyOf;
    private List<DownloadView> history = List.of();

    public ExportLogLazyModel getPages() {
        if (pages == null) {
            search();
        }
        return pages;
    }

    /**
     * Applies the filters, from the first page; filters the query refuses (a date no database holds)
     * are said, and the table keeps what it showed.
     */
    public void search() {
        try {
            pages = new ExportLogLazyModel(new ExportLogQuery(blankToNull(user), blankToNull(source), blankToNull(status),
                    time.startOf(from), time.endOf(to), PAGE, null));
        } catch (ExportRefused refused) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of(refused));
            FacesContext.getCurrentInstance().validationFailed();
            if (pages == null) {
                pages = new ExportLogLazyModel(ExportLogQuery.newest(PAGE));
            }
        }
    }

    /** The download of the log as the filters applied select it, through the API (see ExportLogDownloads). */
    public String getCsvAddress() {
        ExportLogQuery applied = getPages().filters();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", applied.user());
        parameters.put("source", applied.source());
        parameters.put("status", applied.status());
        parameters.put("from", applied.from() == null ? null : applied.from().toString());
        parameters.put("to", applied.to() == null ? null : applied.to().toString());
        return ApiAddress.of("exports/csv", parameters);
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
            message(FacesMessage.SEVERITY_ERROR, Texts.of("log.cancel.none"));
            return;
        }
        cancel(id);
    }

    private void cancel(long id) {
        try {
            exports.cancel(id);
            message(FacesMessage.SEVERITY_INFO, Texts.of("log.cancel.done", id));
        } catch (ExportNotInProgress ended) {
            message(FacesMessage.SEVERITY_WARN, Texts.of("log.cancel.ended", id));
        }
    }

    /** Shows who downloaded the export whose link was clicked, named by the link as cancel's is. */
    public void historyClicked() {
        Long id = clickedExport();
        if (id == null) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of("history.none"));
            return;
        }
        try {
            historyOf = exports.find(id);
            history = downloads.history(id);
        } catch (ExportNotFound gone) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of("export.not-found", id));
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

    /** The confirmation's question, naming the export it cancels. */
    public String cancelQuestion(ExportView export) {
        return Texts.of("log.cancel.question", export.fileName());
    }

    /**
     * Who decided on the export and why, as the log shows it under the name: the denial's reason,
     * the block's message, the expiry, a failure in our words with its incident; null when nobody decided.
     */
    public String decisionOf(ExportView export) {
        return switch (export.status()) {
            case "DENIED" -> Texts.of("decision.denied", export.decidedBy(), export.reason());
            case "BLOCKED" -> Texts.of("decision.blocked", export.reason());
            case "EXPIRED" -> Texts.of("decision.expired", time.when(export.awaitingUntil()));
            case "FAILED" -> export.failure() == null ? null : Texts.of("decision.failed", Texts.of(export.failure()));
            case "WITHDRAWN" -> Texts.of("decision.withdrawn", export.decidedBy());
            default -> export.decidedBy() == null ? null
                    : Texts.of("decision.approved", export.decidedBy(), time.when(export.decidedAt()));
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
