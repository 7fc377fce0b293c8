package org.exportaudit.export.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.exportaudit.client.PolicyTerms;

/**
 * Stores an export's policy terms as the one line they have always been stored as
 * ("3|approve|100000|records|contacts|86400|export"), so rows written before the terms were a type read the same.
 */
@Converter(autoApply = false)
public class PolicyTermsAttribute implements AttributeConverter<PolicyTerms, String> {

    @Override
    public String convertToDatabaseColumn(PolicyTerms terms) {
        return terms == null ? null : terms.stored();
    }

    @Override
    public PolicyTerms convertToEntityAttribute(String column) {
        return PolicyTerms.parse(column);
    }
}
