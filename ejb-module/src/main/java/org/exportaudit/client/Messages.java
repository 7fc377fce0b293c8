package org.exportaudit.client;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * The texts of refusals, in English and Swedish (the bundle {@code Messages} beside this class, so
 * the ejb-client jar carries it): a key and its arguments, formatted as MessageFormat does (so a
 * quote is written {@code ''} in every text). Host applications read the English text as the
 * exception's message; the REST API and the pages ask for the caller's language.
 */
public final class Messages {

    /** The languages the texts are written in; English is the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"));

    static final String BUNDLE = "org.exportaudit.client.Messages";

    // Without it, a language the bundle lacks would get the server's default language, not English.
    private static final ResourceBundle.Control ENGLISH_ELSE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The text of {@code key} in {@code locale}'s language (English for one the texts are not written in). */
    public static String text(Locale locale, String key, Object... arguments) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), ENGLISH_ELSE);
        Locale written = texts.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : texts.getLocale();
        Object[] said = arguments.clone();
        for (int i = 0; i < said.length; i++) {
            if (said[i] instanceof Term term) { // a pattern too, so that its quotes are written as everywhere else
                said[i] = new MessageFormat(texts.getString(term.key()), written).format(new Object[0]);
            } else if (said[i] instanceof PolicyTerms terms) { // a refusal names its policy in the text's language
                said[i] = terms.in(written, UnaryOperator.identity());
            }
        }
        return new MessageFormat(texts.getString(key), written).format(said);
    }

    /** A word or phrase of the bundle as an argument, said in the text's language: a status, a move. */
    public static Term term(String key) {
        return new Term(key);
    }

    /** An argument that is itself a text of the bundle (its key). */
    public record Term(String key) implements Serializable {
    }
}
