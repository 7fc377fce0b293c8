package org.exportaudit.web.pages;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.exportaudit.client.ExportFailure;
import org.exportaudit.client.Refusal;

/**
 * The pages' texts (the bundle {@code Texts}, var {@code text} in faces-config.xml) for what a
 * backing bean says itself — messages, labels — and the refusals it shows, in the viewer's language, numbers and dates
 * formatted for it ({@code 275 000} in Swedish, {@code 275,000} in English).
 */
final class Texts {

    static final String BUNDLE = "org.exportaudit.web.pages.Texts";

    private Texts() {
    }

    /** The text of a key, its {@code {0}}… filled in as MessageFormat does (so a quote is written {@code ''}). */
    static String of(String key, Object... arguments) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return new MessageFormat(ResourceBundle.getBundle(BUNDLE, locale).getString(key), locale).format(arguments);
    }

    /** Why the application refused, in the viewer's language (its texts are the client bundle's, {@code Messages}). */
    static String of(Refusal refusal) {
        return refusal.message(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** Why an export failed, in the viewer's language, with the incident to quote. */
    static String of(ExportFailure failure) {
        return failure.in(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }
}
