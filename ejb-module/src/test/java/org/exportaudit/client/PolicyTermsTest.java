package org.exportaudit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTermsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final Map<String, String> KONTAKTER = Map.of("contacts", "Kontakter");

    @Test
    void kept_terms_read_back_as_they_were_written() {
        PolicyTerms terms = PolicyTerms.parse("3|approve|100000|records|contacts|86400|export");

        assertEquals(new PolicyTerms(3, PolicyAction.APPROVE, 100_000, PolicyMeasure.RECORDS, "contacts",
                Duration.ofHours(24), "export"), terms);
        assertEquals(new PolicyTerms(7, PolicyAction.NOTIFY, 5, PolicyMeasure.EXPORTS, null, null, null),
                PolicyTerms.parse("7|notify|5|exports|*|*|*"));
        assertNull(PolicyTerms.parse(null), "an export no policy decided on");
        assertThrows(IllegalArgumentException.class, () -> PolicyTerms.parse("#3 Approval from 100,000 records"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3|approve|100000|records|contacts|86400|export", "7|notify|5|exports|*|*|*",
            "4|block|500000|records|*|604800|super-admin", "6|step-up|3|exports|deals|5400|*", "2|block|1|exports|deals|60|*"})
    void they_are_stored_as_the_line_rows_already_hold(String stored) {
        assertEquals(stored, PolicyTerms.parse(stored).stored());
    }

    @Test
    void in_english_as_the_log_and_the_api_have_always_said_it() {
        assertEquals("#3 Approval from 100,000 records of contacts per user in 24 hours (exporters)",
                PolicyTerms.parse("3|approve|100000|records|contacts|86400|export").toString());
        assertEquals("#4 Blocked from 500,000 records of any source per user in 7 days (super admins)",
                PolicyTerms.parse("4|block|500000|records|*|604800|super-admin").toString());
        assertEquals("#5 Notice from 90,000 records of contacts per user in 1 hour",
                PolicyTerms.parse("5|notify|90000|records|contacts|3600|*").toString());
        assertEquals("#6 Password again from 3 exports of deals per user in 90 minutes",
                PolicyTerms.parse("6|step-up|3|exports|deals|5400|*").toString());
    }

    @Test
    void one_record_is_a_record() {
        assertEquals("#1 Approval from 1 record of deals", PolicyTerms.parse("1|approve|1|records|deals|*|*").toString());
        assertEquals("#2 Blocked from 1 export of deals per user in 1 minute",
                PolicyTerms.parse("2|block|1|exports|deals|60|*").toString());
    }

    @Test
    void in_swedish_with_the_sources_label() {
        assertEquals("#3 Godkännande från 100\u00a0000 poster ur Kontakter per användare på 24 timmar (exportörer)",
                PolicyTerms.parse("3|approve|100000|records|contacts|86400|export").in(SWEDISH, KONTAKTER::get));
        assertEquals("#1 Blockering från 1 post ur valfri källa (superadministratörer)",
                PolicyTerms.parse("1|block|1|records|*|*|super-admin").in(SWEDISH, KONTAKTER::get));
        assertEquals("#2 Avisering från 2 exporter ur Kontakter per användare på 3 dygn",
                PolicyTerms.parse("2|notify|2|exports|contacts|259200|*").in(SWEDISH, KONTAKTER::get));
        assertEquals("#8 Lösenord igen från 1 export ur Kontakter per användare på 1 timme",
                PolicyTerms.parse("8|step-up|1|exports|contacts|3600|*").in(SWEDISH, KONTAKTER::get));
    }

    @Test
    void a_window_is_said_in_its_largest_whole_unit_but_a_day_in_hours() {
        Map<Duration, String> said = Map.of(Duration.ofMinutes(1), "1 Minutes", Duration.ofMinutes(90), "90 Minutes",
                Duration.ofHours(1), "1 Hours", Duration.ofDays(1), "24 Hours", Duration.ofHours(36), "36 Hours",
                Duration.ofDays(2), "2 Days", Duration.ofDays(31), "31 Days", Duration.ofSeconds(90), "1 Minutes");
        said.forEach((window, words) -> assertEquals(words,
                PolicyTerms.windowIn(window, (unit, amount) -> amount + " " + unit), window.toString()));
    }

    @Test
    void a_language_the_texts_are_not_written_in_reads_english() {
        assertEquals("#3 Approval from 100,000 records of Kontakter",
                PolicyTerms.parse("3|approve|100000|records|contacts|*|*").in(Locale.GERMAN, KONTAKTER::get));
    }
}
