package org.exportaudit.export.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.exportaudit.client.PolicyTerms;

/**
 * The policy that decided on an export, and its rule as it read then: a policy may change or go later, the export's
 * record of it must not. Kept apart from the export's life cycle because most exports are decided on by none; the
 * export decides when it is ruled on ({@link Export#ruledBy}), this keeps what it wrote. Empty when none did (the
 * provider then loads none: all its columns are null), so the export reads it through {@link #NONE}.
 */
@Embeddable
public class PolicySnapshot {

    /** The snapshot of an export no policy decided on; never changed. */
    static final PolicySnapshot NONE = new PolicySnapshot();

    @Column(name = "policy_id")
    private Long policyId;

    @Column(name = "policy", length = 500)
    private String policy;

    /** The same rule as its terms (PolicyTerms), to be said in a reader's language; null before V13. */
    @Column(name = "policy_terms", length = 300)
    @Convert(converter = PolicyTermsAttribute.class)
    private PolicyTerms policyTerms;

    protected PolicySnapshot() {
        // for JPA
    }

    PolicySnapshot(PolicyTerms terms) {
        this.policyId = terms.policyId();
        this.policy = terms.toString();
        this.policyTerms = terms;
    }

    public Long policyId() {
        return policyId;
    }

    /** The deciding policy as it read when it decided, in English; null when none did. */
    public String policy() {
        return policy;
    }

    /** The deciding policy's terms as they read when it decided; null when none did, or before V13. */
    public PolicyTerms policyTerms() {
        return policyTerms;
    }
}
