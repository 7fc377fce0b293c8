package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * Four eyes: nobody approves or denies their own export, super admins included. Nothing changed.
 * The REST API answers 403.
 */
@ApplicationException(rollback = true)
public class OwnExportApproval extends Refusal {

    private static final long serialVersionUID = 1L;

    public OwnExportApproval(long id) {
        super("export.own", id);
    }
}
