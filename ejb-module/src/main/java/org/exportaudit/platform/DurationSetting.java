package org.exportaudit.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A duration set as a system property in the server's configuration, in ISO-8601 ({@code PT5M},
 * {@code PT72H}). A value that is not one, or is outside its bounds, stops the deployment rather
 * than governing exports by a rule nobody meant.
 */
public final class DurationSetting {

    private DurationSetting() {
    }

    public static Duration read(String property, Duration byDefault, Duration least, Duration most) {
        String configured = System.getProperty(property);
        if (configured == null || configured.isBlank()) {
            return byDefault;
        }
        try {
            Duration value = Duration.parse(configured.strip());
            if (value.compareTo(least) >= 0 && value.compareTo(most) <= 0) {
                return value;
            }
        } catch (DateTimeParseException notADuration) {
            // reported below
        }
        throw new IllegalStateException(property + " must be an ISO-8601 duration from " + least + " to " + most
                + ", not '" + configured + "'");
    }
}
