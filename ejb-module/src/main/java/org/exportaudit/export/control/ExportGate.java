package org.exportaudit.export.control;

import java.security.Principal;
import java.util.Map;
import java.util.function.Predicate;
import org.exportaudit.client.StepUpRequired;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.Source;

/**
 * What an export request passes before it is stored. The export component asks; the policies component
 * decides (its {@code PolicyGate}), so that the rules of who may export how much live with the policies, and
 * the export engine knows no policy.
 */
public interface ExportGate {

    /**
     * Rules on the requested, not yet stored, {@code export} of {@code source} with {@code filters}, asked for by
     * {@code caller}, who holds the roles {@code hasRole} says, and applies the ruling to it: its count and policy,
     * and a wait for approval or a block.
     *
     * @throws StepUpRequired when the caller must sign in again first; nothing is created
     */
    Verdict rule(Export export, Source source, Map<String, String> filters, Principal caller,
            Predicate<String> hasRole);
}
