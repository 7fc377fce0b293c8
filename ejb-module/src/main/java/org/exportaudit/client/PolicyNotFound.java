package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/** No export policy with that id. The REST API answers 404. */
@ApplicationException(rollback = true)
public class PolicyNotFound extends Refusal {

    private static final long serialVersionUID = 1L;

    public PolicyNotFound(long id) {
        super("policy.not-found", id);
    }
}
