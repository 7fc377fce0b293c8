package org.exportaudit.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Roles;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.entity.Source;
import org.exportaudit.policy.boundary.ExportPolicies;
import org.exportaudit.policy.entity.ExportPolicy;
import org.exportaudit.policy.view.PolicyRequest;
import org.exportaudit.policy.view.PolicyView;

/**
 * The export policies page (super admins): the policies in force, a form that adds one, and a
 * dialog that changes a policy's limit and message. The boundary validates; a refusal is shown
 * next to the field it is about, and nothing is stored.
 */
@Named
@ViewScoped
public class PolicyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which field of the form a refusal is about, by its reason; any other reason is about the whole policy. */
    private static final Map<String, String> FIELD_OF_REFUSAL = Map.of(
            "unknown-source", "source",
            "invalid-role", "applies-to",
            "invalid-action", "action",
            "invalid-limit", "limit",
            "invalid-window", "window",
            "invalid-measure", "measure",
            "invalid-message", "message");

    @Inject
    ExportPolicies policies;

    @Inject
    Exports exports;

    @Inject
    SourceLabels labels;

    @Inject
    PolicyWords words;

    private List<PolicyView> all;
    private final PolicyForm added = new PolicyForm();
    private PolicyView changing;
    private String changedLimit;
    private String changedMessage;

    public List<PolicyView> getPolicies() {
        if (all == null) {
            all = policies.all();
        }
        return all;
    }

    /** Stores the policy the form describes; a refusal is shown next to its field and the form keeps what was typed. */
    public void add() {
        try {
            PolicyView created = policies.create(added.request());
            message(null, FacesMessage.SEVERITY_INFO, Texts.of("policy.added", words.ofPolicy(created)));
            added.clear();
            all = null;
        } catch (Refusal refused) {
            refusal("policy-form", PageRefusals.expected(refused, Refusal.Kind.INVALID));
        }
    }

    /** Opens the change dialog for the policy whose link was clicked (named by the link's "policy" parameter). */
    public void changeClicked() {
        PolicyView policy = clicked();
        if (policy != null) {
            changing = policy;
            changedLimit = Long.toString(policy.limit());
            changedMessage = policy.message();
        }
    }

    /** Saves the changed limit and message; the rest of the rule stays as it is. */
    public void change() {
        if (changing == null) {
            return;
        }
        try {
            PolicyView changed = policies.change(changing.id(), new PolicyRequest(changing.source(),
                    changing.appliesTo(), changing.action().key(), PolicyForm.limit(changedLimit), changing.window(),
                    changing.measure().key(), changedMessage));
            message(null, FacesMessage.SEVERITY_INFO, Texts.of("policy.changed", words.ofPolicy(changed)));
            changing = null;
            all = null;
        } catch (Refusal refused) {
            switch (PageRefusals.expected(refused, Refusal.Kind.INVALID, Refusal.Kind.NOT_FOUND).kind()) {
                case INVALID -> refusal("change-form", refused);
                case NOT_FOUND -> { // deleted meanwhile
                    message(null, FacesMessage.SEVERITY_WARN, Texts.of(refused));
                    changing = null;
                    all = null;
                }
            }
        }
    }

    /** Removes the policy whose link was clicked: exports it decided on keep its description. */
    public void removeClicked() {
        PolicyView policy = clicked();
        if (policy == null) {
            return;
        }
        try {
            policies.remove(policy.id());
            message(null, FacesMessage.SEVERITY_INFO, Texts.of("policy.deleted", words.ofPolicy(policy)));
        } catch (Refusal gone) {
            message(null, FacesMessage.SEVERITY_WARN, Texts.of(PageRefusals.expected(gone, Refusal.Kind.NOT_FOUND)));
        }
        all = null;
    }

    /**
     * The policy a row's link names in its "policy" parameter, as the page showed it: a row index
     * would name whatever policy stands there now, after another admin added or deleted one.
     */
    private PolicyView clicked() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("policy");
        PolicyView found = getPolicies().stream().filter(policy -> Long.toString(policy.id()).equals(id))
                .findFirst().orElse(null);
        if (found == null) {
            message(null, FacesMessage.SEVERITY_WARN, Texts.of("policy.gone"));
            all = null;
        }
        return found;
    }

    /**
     * Shows a refusal next to the field it is about; one about the whole policy (a duplicate, say)
     * next to the form's button.
     */
    private static void refusal(String form, Refusal refused) {
        String field = FIELD_OF_REFUSAL.get(refused.code());
        boolean changeForm = "change-form".equals(form);
        if (field == null || changeForm && !"limit".equals(field) && !"message".equals(field)) {
            field = changeForm ? "save" : "add"; // the dialog shows only the limit and the message
        }
        message(form + ":" + field, FacesMessage.SEVERITY_ERROR, Texts.of(refused));
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void message(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }

    public List<Source> getSources() {
        return exports.sources();
    }

    // The labels take the whole policy: EL would hand a null String argument over as "".

    /** A policy's source by its label, as the table shows it; "All sources" for a policy on every source. */
    public String sourceLabel(PolicyView policy) {
        String key = policy.source();
        if (key == null) {
            return Texts.of("policy.all-sources");
        }
        return labels.labelOf(key);
    }

    public String appliesToLabel(PolicyView policy) {
        String role = policy.appliesTo();
        if (role == null) {
            return Texts.of("policy.everyone");
        }
        return Roles.SUPER_ADMIN.equals(role) ? Texts.of("policy.super-admins") : Roles.EXPORT.equals(role) ? Texts.of("policy.exporters") : role;
    }

    public String actionLabel(PolicyAction action) {
        return Texts.of("policy.action." + action.key());
    }

    /** A window as people say it: "24 hours", "7 days"; "This export alone" for a limit on one export. */
    public String windowLabel(PolicyView policy) {
        return said(policy.terms().window());
    }

    /** An ISO-8601 window ({@code PT24H}), as the form offers it, as people say it. */
    public String windowOf(String window) {
        return said(window == null ? null : Duration.parse(window));
    }

    // The pages' own words (Swedish "7 dagar" where the policy's terms say "7 dygn"), in the terms' one wording.
    private static String said(Duration window) {
        if (window == null) {
            return Texts.of("policy.window.none");
        }
        return PolicyTerms.windowIn(window, (unit, amount) -> switch (unit) {
            case DAYS -> Texts.of("policy.window.days", amount);
            case HOURS -> Texts.of("policy.window.hours", amount);
            default -> Texts.of("policy.window.minutes", amount);
        });
    }

    /** The confirmation's question, naming the policy it deletes. */
    public String deleteQuestion(PolicyView policy) {
        return Texts.of("policy.delete.question", words.ofPolicy(policy));
    }

    public String limitLabel(long limit) {
        return Texts.of("number", limit);
    }


    public int getLongestMessage() {
        return ExportPolicy.MESSAGE_LENGTH;
    }

    public PolicyForm getAdded() {
        return added;
    }

    public PolicyView getChanging() {
        return changing;
    }

    public String getChangedLimit() {
        return changedLimit;
    }

    public void setChangedLimit(String changedLimit) {
        this.changedLimit = changedLimit;
    }

    public String getChangedMessage() {
        return changedMessage;
    }

    public void setChangedMessage(String changedMessage) {
        this.changedMessage = changedMessage;
    }
}
