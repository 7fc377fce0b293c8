package org.exportaudit.export.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;

/**
 * What the {@link ExportGate} decided on a request: run it now, hold it for a super admin's approval, or block it;
 * with the policy that decided ({@code ruling}, null when none did), at {@code at}. The export already carries the
 * decision (its count, its policy, its state, stamped {@code at}); the verdict says what follows once the boundary
 * has stored it: the events of the decision carry the same instant.
 */
public record Verdict(Outcome outcome, Ruling ruling, Instant at) {

    /**
     * The policy that decided, as the export keeps it: its terms, the message a refused requester reads, and the
     * total that reached its limit (records, or exports over its window).
     */
    public record Ruling(PolicyTerms terms, String message, long total) {
    }

    public enum Outcome {
        /** Cleared to run: no policy reached, or one that notifies or asked for (and got) a step-up. */
        RUN,
        /** Waits for a super admin's approval. */
        HOLD,
        /** Refused before it ran; kept in the log, BLOCKED. */
        BLOCK
    }


    /** Its job may start once the request commits: a node must run it. */
    public boolean clearsToRun() {
        return outcome == Outcome.RUN;
    }

    /**
     * The events that say what was decided, in the order they are fired, for the stored {@code export} (it has
     * its id): its ruling, its count and its clearance; its wait for approval; or its block.
     */
    public List<ExportEvent> events(Export export) {
        Instant now = at;
        String user = export.requestedBy();
        List<ExportEvent> events = new ArrayList<>();
        switch (outcome) {
            case RUN -> {
                if (ruling != null) {
                    events.add(new ExportEvents.Ruled(export.id(), user, ruling.terms().policyId(), export.policy(),
                            export.policyTerms(), ruling.total(), now));
                }
                if (export.records() != null) { // counted here: the notices go out now, not when the job counts again
                    events.add(new ExportEvents.Counted(export.id(), user, export.source(), export.fileName(),
                            export.records(), now));
                }
                events.add(new ExportEvents.Cleared(export.id()));
            }
            case HOLD -> events.add(new ExportEvents.AwaitingApproval(export.id(), user, export.source(),
                    export.fileName(), export.records(), ruling.terms().policyId(), export.policy(), export.policyTerms(),
                    ruling.total(), export.approval().awaitingUntil(), now));
            case BLOCK -> events.add(new ExportEvents.Blocked(export.id(), user, export.records(),
                    ruling.terms().policyId(), export.policy(), ruling.terms().limit(), ruling.total(), now));
        }
        return events;
    }

    /**
     * The refusal a block answers with, for the stored {@code export}; it commits the BLOCKED export (rollback =
     * false). Null for any other verdict.
     */
    public ExportBlocked refusal(Export export) {
        if (outcome != Outcome.BLOCK) {
            return null;
        }
        return new ExportBlocked(export.id(), ruling.terms(), ruling.message());
    }
}
