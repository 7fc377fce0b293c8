package org.exportaudit.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.exportaudit.client.Refusal;

/**
 * One super admin's own large-export threshold: they are told about every export with more
 * records than this. An admin without a row is told about nothing.
 */
@Entity
@Table(name = "large_export_threshold")
public class LargeExportThreshold {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 275_000;

    // Digits only, and few of them: "1e3", "1.0", "+5" and a megabyte of nines are all refused
    // before any number is parsed.
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,6}");

    @Id
    @Column(name = "admin_username")
    private String admin;

    @Column(name = "records", nullable = false)
    private int records;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    /** Where their notices are mailed: the address of their account when they saved it; null for in-app only. */
    @Column(name = "email")
    private String email;

    protected LargeExportThreshold() {
        // for JPA
    }

    public LargeExportThreshold(String admin, int records, String email, Instant at) {
        this.admin = admin;
        change(records, email, at);
    }

    /**
     * Reads a threshold as an admin types it: a whole number from 1 to 275,000, or nothing at all
     * to turn notifications off.
     *
     * @throws Refusal ({@code invalid-threshold}) for anything else, with a message that names the allowed range
     */
    public static OptionalInt parse(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        String trimmed = text.strip();
        if (!WHOLE_NUMBER.matcher(trimmed).matches()) {
            throw Refusal.invalid("invalid-threshold", "threshold.invalid");
        }
        int records = Integer.parseInt(trimmed);
        requireInRange(records);
        return OptionalInt.of(records);
    }

    public void change(int records, String email, Instant at) {
        requireInRange(records);
        this.records = records;
        this.email = email;
        this.changedAt = at;
    }

    /** An export of {@code exportRecords} is large for this admin: more records than the threshold, not as many. */
    public boolean isExceededBy(long exportRecords) {
        return exportRecords > records;
    }

    public String admin() {
        return admin;
    }

    public int records() {
        return records;
    }

    public String email() {
        return email;
    }

    public Instant changedAt() {
        return changedAt;
    }

    private static void requireInRange(int records) {
        if (records < LOWEST || records > HIGHEST) {
            throw Refusal.invalid("invalid-threshold", "threshold.invalid");
        }
    }
}
