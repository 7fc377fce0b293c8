package org.exportaudit.policy.view;

import java.io.Serializable;
import java.time.Instant;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.PolicyTerms;

/**
 * An export policy as super admins see it; its {@code terms} say it in a sentence, in a reader's language. The
 * window as the API writes it, an ISO-8601 duration ({@code PT24H}, {@code P7D}); null for none.
 */
public record PolicyView(long id, String source, String appliesTo, PolicyAction action, long limit, String window,
        PolicyMeasure measure, String message, String createdBy, Instant createdAt, PolicyTerms terms)
        implements Serializable {

    /** The policy in a sentence, in English, sources by key: "#3 Approval from 100,000 records of contacts". */
    public String description() {
        return terms.toString();
    }
}
