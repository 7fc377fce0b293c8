package org.exportaudit.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.exportaudit.client.ExportView;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.policy.view.PolicyView;

/**
 * Export policies as the viewer reads them: "#3 Godkännande från 100 000 poster ur Kontakter" in
 * Swedish, the source by its label. The API and the audit trail keep them in English.
 */
@Named
@RequestScoped
public class PolicyWords {

    @Inject
    Language language;

    @Inject
    SourceLabels sources;

    /** Null for none: the change dialog's policy while no change is asked for. */
    public String ofPolicy(PolicyView policy) {
        return policy == null ? null : ofTerms(policy.terms());
    }

    /** The policy that decided on the export, as it read then; an export ruled on before its terms were kept shows the English text. */
    public String ofExport(ExportView export) {
        return export.policyTerms() == null ? export.policy() : ofTerms(export.policyTerms());
    }

    public String ofTerms(PolicyTerms terms) {
        return terms.in(language.getLocale(), sources::labelOf);
    }
}
