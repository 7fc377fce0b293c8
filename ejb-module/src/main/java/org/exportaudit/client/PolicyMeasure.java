package org.exportaudit.client;

import java.util.Locale;

/** What a policy's limit counts: records (the default), or exports (with a window: many small ones). */
public enum PolicyMeasure {
    RECORDS("records"),
    EXPORTS("exports");

    private final String key;

    PolicyMeasure(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static PolicyMeasure named(String name) {
        if (name == null || name.isBlank()) {
            return RECORDS;
        }
        for (PolicyMeasure measure : values()) {
            if (measure.key.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return measure;
            }
        }
        throw Refusal.invalid("invalid-measure", "policy.measure.invalid", name);
    }
}
