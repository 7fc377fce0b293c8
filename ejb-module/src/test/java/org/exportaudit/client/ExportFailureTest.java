package org.exportaudit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExportFailureTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Test
    void what_is_stored_reads_back_as_it_was() {
        for (ExportFailure failure : List.of(ExportFailure.failed("0A1B2C3D4E5F"), ExportFailure.notStarted("ABCDEF012345"),
                ExportFailure.stopped(), ExportFailure.lostServers(3), ExportFailure.sourceGone("node-2"))) {
            assertEquals(failure, ExportFailure.parse(failure.stored()));
        }
        assertNull(ExportFailure.parse(null));
    }

    @Test
    void it_is_said_in_the_reader_s_language_with_the_incident_to_quote() {
        ExportFailure failure = ExportFailure.failed("0A1B2C3D4E5F");

        assertEquals("The export could not be completed: reading its source or writing its file failed."
                + " Incident 0A1B2C3D4E5F: the server's log says more under this id.", failure.in(Locale.ENGLISH));
        assertEquals("Exporten kunde inte slutföras: läsningen av källan eller skrivningen av filen misslyckades."
                + " Incident 0A1B2C3D4E5F: serverns logg säger mer under detta id.", failure.in(SWEDISH));
        assertEquals("Exporten förlorade sin server 3 gånger; den körs inte igen.",
                ExportFailure.lostServers(3).in(SWEDISH));
        assertEquals("The export's server was lost, and its source is not declared on node-2, which would have taken it over.",
                ExportFailure.sourceGone("node-2").toString());
    }

    @Test
    void a_failure_kept_as_text_before_codes_shows_none_of_that_text() {
        String before = "The export job failed: Numeric value out of range: \"123456789012345678901234567890\";"
                + " SQL statement: SELECT COUNT(*) FROM (SELECT c.id FROM crm_contact c) WHERE id = ? [22003-224]";

        ExportFailure earlier = ExportFailure.parse(before);

        assertEquals("earlier", earlier.code());
        for (Locale language : Messages.LANGUAGES) {
            assertFalse(earlier.in(language).contains("SQL"), earlier.in(language));
            assertFalse(earlier.in(language).contains("crm_contact"), earlier.in(language));
        }
        assertEquals("earlier", ExportFailure.parse("disk full").code());
    }
}
