package org.exportaudit.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which language and zone the pages choose for a person, from their account and their browser. */
class LanguageTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Test
    void the_account_locale_wins_over_the_browser() {
        assertEquals(SWEDISH, Language.of("sv", List.of(Locale.US)));
        assertEquals(Locale.ENGLISH, Language.of("en", List.of(Locale.forLanguageTag("sv-SE"))));
    }

    @Test
    void else_the_first_browser_language_the_pages_offer() {
        assertEquals(SWEDISH, Language.of(null, List.of(Locale.GERMAN, Locale.forLanguageTag("sv-FI"), Locale.ENGLISH)));
        assertEquals(SWEDISH, Language.of("fi", List.of(Locale.forLanguageTag("sv"))));
    }

    @Test
    void else_english() {
        assertEquals(Locale.ENGLISH, Language.of(null, List.of(Locale.GERMAN)));
        assertEquals(Locale.ENGLISH, Language.of("not a tag!", List.of()));
    }

    @Test
    void times_are_in_the_browser_zone_else_the_account_zone_else_utc() {
        assertEquals(ZoneId.of("Asia/Tokyo"), ViewerTime.of("Asia/Tokyo", "Europe/Stockholm"));
        assertEquals(ZoneId.of("Europe/Stockholm"), ViewerTime.of(null, "Europe/Stockholm"));
        assertEquals(ZoneId.of("Europe/Stockholm"), ViewerTime.of("Mars/Olympus_Mons", "Europe/Stockholm"));
        assertEquals(ZoneId.of("UTC"), ViewerTime.of(null, null));
        assertEquals(ZoneId.of("UTC"), ViewerTime.of("x".repeat(500), "../../etc/passwd"));
    }

    @Test
    void a_zone_cookie_that_does_not_decode_counts_as_none() {
        assertEquals("Europe/Stockholm", ViewerTime.decoded("Europe%2FStockholm"));
        for (String broken : new String[] {"%", "%zz", "Europe%2", "%E0%A4%A"}) {
            assertEquals(null, ViewerTime.decoded(broken), broken);
            assertEquals(ZoneId.of("Europe/Stockholm"), ViewerTime.of(ViewerTime.decoded(broken), "Europe/Stockholm"));
        }
    }
}
