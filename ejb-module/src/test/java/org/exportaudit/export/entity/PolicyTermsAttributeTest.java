package org.exportaudit.export.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.PolicyTerms;
import org.junit.jupiter.api.Test;

class PolicyTermsAttributeTest {

    private final PolicyTermsAttribute column = new PolicyTermsAttribute();

    @Test
    void a_row_written_before_the_terms_were_a_type_reads_as_it_was_written_and_is_written_back_the_same() {
        String old = "3|approve|100000|records|contacts|86400|export"; // as V13's rows hold it

        PolicyTerms read = column.convertToEntityAttribute(old);

        assertEquals(new PolicyTerms(3, PolicyAction.APPROVE, 100_000, PolicyMeasure.RECORDS, "contacts",
                Duration.ofHours(24), "export"), read);
        assertEquals(old, column.convertToDatabaseColumn(read));
        assertEquals("#3 Approval from 100,000 records of contacts per user in 24 hours (exporters)", read.toString());
    }

    @Test
    void terms_are_stored_in_one_line_and_read_back_equal() {
        PolicyTerms terms = new PolicyTerms(9, PolicyAction.STEP_UP, 3, PolicyMeasure.EXPORTS, null,
                Duration.ofMinutes(90), null);

        String stored = column.convertToDatabaseColumn(terms);

        assertEquals("9|step-up|3|exports|*|5400|*", stored);
        assertEquals(terms, column.convertToEntityAttribute(stored));
    }

    @Test
    void an_export_no_policy_decided_on_has_none() {
        assertNull(column.convertToDatabaseColumn(null));
        assertNull(column.convertToEntityAttribute(null));
    }
}
