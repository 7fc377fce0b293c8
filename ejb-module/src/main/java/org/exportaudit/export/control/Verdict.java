package org.exportaudit.export.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exportaudit.client.ExportBlocked;
import org.exportaudit.client.PolicyTerms;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportEvent;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportPolicy;

/**
 * What the {@link PolicyGate} decided on a request: run it now, hold it for a super admin's approval, or block it;
 * with the policy that decided ({@code ruling}, null when none did), at {@code at}. The export already carries the
 * decision (its count, its policy, its state, stamped {@code at}); the verdict says what follows once the boundary
 * has stored it: the events of the decision carry the same instant.
 */
public record Verdict(Outcome outcome, PolicyRuling ruling, Instant at) {

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
                    events.add(new ExportEvents.Ruled(export.id(), user, ruling.policy().id(), export.policy(),
                            export.policyTerms(), ruling.action().key(), ruling.total(), now));
                }
                if (export.records() != null) { // counted here: the notices go out now, not when the job counts again
                    events.add(new ExportEvents.Counted(export.id(), user, export.source(), export.fileName(),
                            export.records(), now));
                }
                events.add(new ExportEvents.Cleared(export.id()));
            }
            case HOLD -> events.add(new ExportEvents.AwaitingApproval(export.id(), user, export.source(),
                    export.fileName(), export.records(), ruling.policy().id(), export.policy(), export.policyTerms(),
                    ruling.total(), export.awaitingUntil(), now));
            case BLOCK -> events.add(new ExportEvents.Blocked(export.id(), user, export.records(),
                    ruling.policy().id(), export.policy(), ruling.policy().limit(), ruling.total(), now));
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
        ExportPolicy policy = ruling.policy();
        return new ExportBlocked(export.id(), PolicyTerms.parse(policy.terms()), policy.message());
    }
}
