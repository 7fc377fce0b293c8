package org.exportaudit.policy.view;

import java.io.Serializable;
import java.time.Instant;
import org.exportaudit.client.PolicyTerms;

/** An export policy as super admins see it; its {@code terms} say it in a sentence, in a reader's language. */
public record PolicyView(long id, String source, String appliesTo, String action, long limit, String window,
        String measure, String message, String createdBy, Instant createdAt, PolicyTerms terms)
        implements Serializable {

    /** The policy in a sentence, in English, sources by key: "#3 Approval from 100,000 records of contacts". */
    public String description() {
        return terms.toString();
    }
}
