package org.exportaudit.web.pages;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.boundary.RecordPages;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Source;
import org.exportaudit.export.entity.IndexPaging;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A source's index page (Contacts, Companies, Deals): its records a page at a time, and the
 * Export dialog — format and file name, with a default such as {@code contacts-2026-11-25}.
 * What export policies decide shows in the dialog: an export that waits for a super admin's
 * approval, one that a policy blocks (its message and limit), and one that needs a fresh password
 * sign-in, for which the user goes through Keycloak's login and comes back to the dialog as it was.
 */
@Named
@ViewScoped
public class SourceIndex implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Exports exports;

    @Inject
    RecordPages records;

    @Inject
    PolicyWords words;

    private String key;
    private Source source;
    private String format = "CSV";
    private String fileName;
    private String refusal;
    private Blocked blocked;
    private ExportView awaiting;
    private boolean again;
    private IndexPaging pages;
    private final LazyDataModel<List<String>> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, pages().count());
        }

        @Override
        public List<List<String>> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return pages().page(first, pageSize, seek -> records.page(key, seek));
        }
    };

    /** The source's pages in this view: counted once, when the view first shows them. */
    private IndexPaging pages() {
        if (pages == null) {
            pages = new IndexPaging(records.count(key));
        }
        return pages;
    }

    /** Reads the page's {@code source} parameter; an unknown one shows the export log instead. */
    public void open() throws IOException {
        source = exports.sources().stream().filter(declared -> declared.key().equals(key)).findFirst().orElse(null);
        if (source == null) {
            FacesContext.getCurrentInstance().getExternalContext().redirect("exports.xhtml");
            return;
        }
        if (!again || !"XLSX".equals(format)) {
            format = "CSV"; // the dialog offers these two; any other value in the address is nobody's choice
        }
        if (!again || fileName == null || fileName.isBlank()) {
            fileName = exports.defaultFileName(source.key());
        }
    }

    /**
     * Starts the export and shows it in the log. A refused or blocked request says why in the
     * dialog, and so does one that waits for approval; one that needs a fresh sign-in goes to
     * Keycloak's login.
     */
    public String export() throws IOException, ServletException {
        again = false;
        refusal = null;
        blocked = null;
        awaiting = null;
        try {
            ExportView started = exports.start(new ExportRequest(key, format, fileName, Map.of()));
            if (started.isAwaitingApproval()) {
                awaiting = started;
                return null;
            }
            return "/exports.xhtml?faces-redirect=true";
        } catch (ExportRefused refused) {
            refusal = Texts.of(refused);
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        } catch (ExportBlocked refused) {
            blocked = new Blocked(Texts.of(refused), refused.limit(), words.ofTerms(refused.terms()));
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        } catch (StepUpRequired stepUp) {
            signInAgain();
            return null;
        }
    }

    /**
     * A step-up policy wants a password entered within the last minutes. The OIDC client asks
     * Keycloak for one only on its way to a login, so this ends the local session (and, through
     * the client, Keycloak's) and sends the user to this page again with {@code prompt=login} and
     * {@code max_age=0}, which the client forwards to Keycloak. They come back to the dialog as
     * they left it and press Start export themselves: nothing is exported on a GET. Here, in a
     * Faces action, because only a POST with the view's state may end a session: a link or image
     * on another site could not. Whether the new sign-in is recent enough is the server's check of
     * the token's {@code auth_time} when the export starts; these parameters only ask.
     */
    private void signInAgain() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String user = request.getRemoteUser();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + PageAddresses.exportAgain(key, format, fileName)
                + "?prompt=login&max_age=0&login_hint=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
        faces.responseComplete();
    }

    /** The dialog opens with the page when it has something to say: a refusal, a decision, a sign-in. */
    public boolean isDialogOpen() {
        return again || refusal != null || blocked != null || awaiting != null;
    }

    /** The user came back from a step-up sign-in: the export is theirs to start again. */
    public boolean isAgain() {
        return again;
    }

    public void setAgain(boolean again) {
        this.again = again;
    }

    /** The export policy's refusal, with its message and limit; null unless one blocked the export. */
    public Blocked getBlocked() {
        return blocked;
    }

    /** What the dialog says of a blocked export: the policy's message, its limit, and the policy. */
    public record Blocked(String message, long limit, String policy) implements Serializable {
    }

    /** The export that waits for a super admin's approval; null unless a policy holds it. */
    public ExportView getAwaiting() {
        return awaiting;
    }

    public List<Column> getColumns() {
        return source == null ? List.of() : source.columns();
    }

    public LazyDataModel<List<String>> getRows() {
        return rows;
    }

    public Source getSource() {
        return source;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getRefusal() {
        return refusal;
    }
}
