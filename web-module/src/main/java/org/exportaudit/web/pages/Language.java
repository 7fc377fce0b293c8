package org.exportaudit.web.pages;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.exportaudit.web.identity.AccountToken;

/**
 * The language the pages speak to the person signed in: the one they chose on a page, else their
 * Keycloak account's locale (the token's {@code locale} claim, which Keycloak's own login page
 * follows too), else the first of their browser's languages that the pages offer, else English.
 */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The languages the pages offer, each with its own name as the switcher shows it. */
    static final List<Locale> OFFERED = List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"));

    private Locale chosen;

    public Locale getLocale() {
        if (chosen == null) {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            chosen = of(AccountToken.locale(request), Collections.list(request.getLocales()));
        }
        return chosen;
    }

    /** The switcher's choice, for the rest of the session; a language not offered changes nothing. */
    public void choose(String tag) {
        Locale asked = Locale.forLanguageTag(tag == null ? "" : tag);
        OFFERED.stream().filter(offered -> offered.getLanguage().equals(asked.getLanguage())).findFirst()
                .ifPresent(offered -> {
                    chosen = offered;
                    FacesContext.getCurrentInstance().getViewRoot().setLocale(offered);
                });
    }

    /** The other languages, for the switcher. */
    public List<Locale> getOthers() {
        Locale current = getLocale();
        return OFFERED.stream().filter(offered -> !offered.equals(current)).toList();
    }

    /** A language in its own words: "Svenska", "English". */
    public String nameOf(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** The account's choice first, then the browser's, then English. */
    static Locale of(String accountLocale, List<Locale> browser) {
        if (accountLocale != null) {
            Locale account = offered(Locale.forLanguageTag(accountLocale));
            if (account != null) {
                return account;
            }
        }
        return browser.stream().map(Language::offered).filter(java.util.Objects::nonNull).findFirst().orElse(Locale.ENGLISH);
    }

    private static Locale offered(Locale wanted) {
        return OFFERED.stream().filter(offered -> offered.getLanguage().equals(wanted.getLanguage())).findFirst().orElse(null);
    }
}
