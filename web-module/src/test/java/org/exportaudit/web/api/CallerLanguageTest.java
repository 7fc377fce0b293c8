package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CallerLanguageTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Test
    void the_account_s_locale_wins_over_the_header() {
        assertEquals(SWEDISH, CallerLanguage.of("sv", "en-US,en;q=0.9"));
        assertEquals(Locale.ENGLISH, CallerLanguage.of("en", "sv-SE"));
    }

    @Test
    void else_the_first_language_of_the_header_that_the_texts_are_written_in() {
        assertEquals(SWEDISH, CallerLanguage.of(null, "sv-SE,sv;q=0.9,en;q=0.8"));
        assertEquals(SWEDISH, CallerLanguage.of(null, "de-DE, sv;q=0.7, en;q=0.5"));
        assertEquals(Locale.ENGLISH, CallerLanguage.of(null, "en-GB, sv;q=0.5"));
        assertEquals(SWEDISH, CallerLanguage.of("fi", "sv"), "an account language the texts lack asks for none");
    }

    @Test
    void else_english() {
        assertEquals(Locale.ENGLISH, CallerLanguage.of(null, null));
        assertEquals(Locale.ENGLISH, CallerLanguage.of(null, "de, fr;q=0.5"));
        assertEquals(Locale.ENGLISH, CallerLanguage.of(null, "*"));
        assertEquals(Locale.ENGLISH, CallerLanguage.of("not a tag!", "sv;q=nonsense"));
    }
}
