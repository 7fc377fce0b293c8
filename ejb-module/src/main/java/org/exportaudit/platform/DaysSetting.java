package org.exportaudit.platform;

import java.time.Duration;

/**
 * A number of days set as a system property in the server's configuration. A value that is not a
 * whole number of days from 1 stops the deployment, rather than purging files or audit records
 * too early.
 */
public final class DaysSetting {

    private DaysSetting() {
    }

    public static Duration read(String property, int byDefault) {
        return parse(property, System.getProperty(property), byDefault);
    }

    static Duration parse(String property, String configured, int byDefault) {
        if (configured == null || configured.isBlank()) {
            return Duration.ofDays(byDefault);
        }
        try {
            long days = Long.parseLong(configured.strip());
            if (days >= 1 && days <= 36_500) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException(property + " must be a whole number of days from 1 to 36500, not '"
                + configured + "'");
    }
}
