package org.exportaudit.web.pages;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.function.LongFunction;
import org.exportaudit.client.ExportNotAwaitingApproval;
import org.exportaudit.client.ExportNotFound;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.view.Decider;
import org.primefaces.PrimeFaces;

/**
 * The decisions on an export that a policy holds for approval, from the export log and from the
 * export a notice links to: a super admin other than the requester approves, or denies saying why
 * (in a dialog); the requester withdraws. The export's rule says who may (four eyes): the boundary refuses by
 * it, and the page asks it ({@link Decider}) to hide what the caller could not do; the page says why when the
 * export moved on meanwhile.
 */
@Named
@ViewScoped
public class ExportDecisions implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The form around the export a notice links to (exports.xhtml only). */
    private static final String FOCUSED_FORM = "focused-form";

    @Inject
    Exports exports;

    @Inject
    ExportLogView log;

    private ExportView denying;
    private String reason;

    /** Whether the caller may approve or deny it, as the export's rule says (four eyes): its buttons show then. */
    public boolean decidable(ExportView export) {
        return caller().mayDecide(export);
    }

    /** Whether the caller may withdraw it, as the export's rule says (its requester): its button shows then. */
    public boolean withdrawable(ExportView export) {
        return caller().mayWithdraw(export);
    }

    /** The signed-in user who reads the page. */
    private static Decider caller() {
        ExternalContext caller = FacesContext.getCurrentInstance().getExternalContext();
        return new Decider(caller.getRemoteUser(), caller.isUserInRole(Roles.SUPER_ADMIN));
    }

    public void approveClicked() {
        decide(ExportLogView.clickedExport(), exports::approve, "decision.done.approved");
    }

    public void withdrawClicked() {
        decide(ExportLogView.clickedExport(), exports::withdraw, "decision.done.withdrawn");
    }

    /** Opens the dialog that asks why the export whose link was clicked is denied. */
    public void denyClicked() {
        Long id = ExportLogView.clickedExport();
        denying = null;
        reason = null;
        if (id == null) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of("deny.none"));
            return;
        }
        try {
            denying = exports.find(id);
        } catch (ExportNotFound gone) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of("export.not-found", id));
            FacesContext.getCurrentInstance().validationFailed(); // keeps the dialog closed
        }
    }

    /** Denies the export the dialog asks about; a missing or too long reason is refused next to the field. */
    public void deny() {
        if (denying == null) {
            return;
        }
        try {
            decideOrThrow(denying.id(), id -> exports.deny(id, reason), "decision.done.denied");
            denying = null;
        } catch (ExportRefused refused) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage("deny-form:reason",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.of(refused), Texts.of(refused)));
            faces.validationFailed();
        }
    }

    private void decide(Long id, LongFunction<ExportView> decision, String done) {
        if (id == null) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of("decision.none"));
            return;
        }
        decideOrThrow(id, decision, done);
    }

    /** Makes the decision and says how it went; only a refused input (a denial's reason) is left to the caller. */
    private void decideOrThrow(long id, LongFunction<ExportView> decision, String done) {
        try {
            ExportView decided = decision.apply(id);
            message(FacesMessage.SEVERITY_INFO, Texts.of(done, id, decided.fileName()));
        } catch (ExportNotAwaitingApproval moved) { // decided by someone else, withdrawn or expired meanwhile
            message(FacesMessage.SEVERITY_WARN, Texts.of(moved));
        } catch (ExportNotFound gone) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of("export.not-found", id));
        } catch (Refusal notYours) { // their own export (four eyes), or someone else's request to withdraw
            message(FacesMessage.SEVERITY_ERROR, Texts.of(PageRefusals.expected(notYours, Refusal.Kind.FORBIDDEN)));
        } catch (EJBAccessException notAllowed) { // an exporter's page forged to approve
            message(FacesMessage.SEVERITY_ERROR, Texts.of("decision.not-allowed", id));
        }
        shown();
    }

    /**
     * The log and, on the page a notice links to, its export show how things stand now: the deny
     * dialog's button updates only its own form, so that a refused reason shows next to its field alone.
     */
    private void shown() {
        log.refocus();
        FacesContext faces = FacesContext.getCurrentInstance();
        PrimeFaces.Ajax ajax = PrimeFaces.current().ajax();
        ajax.update("log");
        if (faces.getViewRoot().findComponent(FOCUSED_FORM) != null) {
            ajax.update(FOCUSED_FORM);
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    /** No reason is longer than the export's column for it. */
    public int getLongestReason() {
        return Export.REASON_LENGTH;
    }

    public ExportView getDenying() {
        return denying;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
