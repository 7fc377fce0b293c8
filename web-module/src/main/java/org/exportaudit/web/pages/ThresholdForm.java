package org.exportaudit.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.OptionalInt;
import org.exportaudit.client.Refusal;
import org.exportaudit.notification.boundary.LargeExportThresholds;
import org.exportaudit.web.identity.AccountToken;

/** Settings → Import &amp; Export: the super admin's own large-export notification threshold. */
@Named
@ViewScoped
public class ThresholdForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LargeExportThresholds thresholds;

    private String threshold;

    public String getThreshold() {
        if (threshold == null) {
            OptionalInt current = thresholds.ofCaller();
            threshold = current.isPresent() ? Integer.toString(current.getAsInt()) : "";
        }
        return threshold;
    }

    public void setThreshold(String threshold) {
        this.threshold = threshold;
    }

    /** Saves what was typed; a refused value keeps the saved one and says why, next to the field. */
    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            OptionalInt saved = thresholds.change(threshold,
                    AccountToken.email((HttpServletRequest) faces.getExternalContext().getRequest()));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, saved.isPresent()
                    ? Texts.of("settings.saved", saved.getAsInt()) : Texts.of("settings.saved.off"), null));
        } catch (Refusal refused) {
            PageRefusals.expected(refused, Refusal.Kind.INVALID); // said in the page's words, next to the field
            String why = Texts.of("settings.threshold.invalid");
            faces.addMessage("settings:threshold", new FacesMessage(FacesMessage.SEVERITY_ERROR, why, why));
            faces.validationFailed();
        }
    }
}
