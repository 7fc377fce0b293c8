package org.exportaudit.policy.view;

import java.io.Serializable;

/**
 * An export policy as a super admin writes it: a source key (null for all sources), the role it
 * applies to ({@code export} or {@code super-admin}; null for everyone), the action ({@code notify},
 * {@code step-up}, {@code approve}, {@code block}), the limit, an ISO-8601 window for a rolling limit
 * ({@code PT24H}; null for one export alone), what the limit counts ({@code records}, the default,
 * or {@code exports}) and an optional message shown to whoever it stops.
 */
public record PolicyRequest(String source, String appliesTo, String action, Long limit, String window,
        String measure, String message) implements Serializable {
}
