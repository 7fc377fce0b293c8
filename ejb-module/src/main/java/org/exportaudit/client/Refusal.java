package org.exportaudit.client;

import java.io.Serializable;
import java.util.Locale;

/**
 * Something Export Audit refuses to do, and says why in the caller's language: the reason is a key
 * of {@link Messages} with its arguments. {@link #getMessage()} is the English text, as host
 * applications have always read it; the REST API and the pages ask for {@link #message(Locale)}.
 */
public abstract class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final Serializable[] arguments;

    protected Refusal(String key, Serializable... arguments) {
        super(Messages.text(Locale.ENGLISH, key, (Object[]) arguments));
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** The key of the text in {@link Messages}: {@code invalid-file-name.unsafe}, … */
    public String key() {
        return key;
    }

    /** Why, in {@code locale}'s language (English for one the texts are not written in). */
    public String message(Locale locale) {
        return Messages.text(locale, key, (Object[]) arguments);
    }
}
