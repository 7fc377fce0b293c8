package org.exportaudit.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The arithmetic of the audit chain: {@code hash = SHA-256(previous hash || canonical record)}.
 * Plain Java with no container in sight, because {@code bin/verify-audit} recomputes the same
 * hashes against the database without the server, and both must agree byte for byte.
 *
 * <p>The canonical record is the JSON object of RFC 8785 (JCS) over the columns that make the
 * record: keys sorted, no white space, integers as digits, strings escaped as JCS says. The detail
 * is hashed as the text stored, a string, not re-serialised: what the database holds is what is
 * signed off. The time is written with exactly six fraction digits in UTC, the databases'
 * precision, so a value read back hashes as the value written.
 */
public final class ChainHash {

    /** The hash before the first record: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** The hash of the record at {@code seq}, chained to {@code previousHash}. */
    public static String of(String previousHash, long seq, Instant at, String kind, String actor, Long exportId,
            String detail) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousHash));
        sha256.update(canonical(seq, at, kind, actor, exportId, detail).getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha256.digest());
    }

    /** The record as RFC 8785 JSON: its members in the order of their names' code units. */
    static String canonical(long seq, Instant at, String kind, String actor, Long exportId, String detail) {
        StringBuilder json = new StringBuilder(128 + detail.length());
        json.append("{\"actor\":");
        string(json, actor);
        json.append(",\"at\":");
        string(json, MICROS.format(at));
        json.append(",\"detail\":");
        string(json, detail);
        json.append(",\"exportId\":").append(exportId == null ? "null" : exportId.toString());
        json.append(",\"kind\":");
        string(json, kind);
        json.append(",\"seq\":").append(seq).append('}');
        return json.toString();
    }

    /** A JSON string as JCS writes it: the short escapes where JSON has them, other controls as \\u00xx. */
    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX.toHexDigits((byte) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
