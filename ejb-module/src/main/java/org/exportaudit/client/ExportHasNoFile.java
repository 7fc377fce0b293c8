package org.exportaudit.client;

import jakarta.ejb.ApplicationException;

/**
 * The export never got as far as a file, and its state says why: it awaits approval, or was denied,
 * blocked before it ran, expired unanswered or withdrawn. Not "gone" (a file that was kept for a while
 * and then deleted): there never was one. The REST API answers 409 {@code no-file}.
 */
@ApplicationException(rollback = true)
public class ExportHasNoFile extends Refusal {

    private static final long serialVersionUID = 1L;

    /** {@code why} is the key of the reason's text: {@code no-file.awaiting-approval}, … */
    public ExportHasNoFile(long id, String why) {
        super("export.no-file", id, Messages.term(why));
    }
}
