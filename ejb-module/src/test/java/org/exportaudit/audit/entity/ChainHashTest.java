package org.exportaudit.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The chain's encoding is a promise to every trail already written and to bin/verify-audit: the
 * expected values were computed apart from this code (Python's hashlib, and its json module, which
 * writes what RFC 8785 asks for these members), so a change to the encoding fails here.
 */
class ChainHashTest {

    private static final Instant AT = Instant.parse("2026-11-30T01:02:03.000004Z");
    private static final String DETAIL = "{\"fileName\":\"=x.csv\",\"note\":\"å\\u001f\"}";

    @Test
    void the_first_record_hashes_the_genesis_and_its_canonical_json() {
        assertEquals("{\"actor\":\"bob\",\"at\":\"2026-11-30T01:02:03.000004Z\",\"detail\":"
                        + "\"{\\\"fileName\\\":\\\"=x.csv\\\",\\\"note\\\":\\\"å\\\\u001f\\\"}\",\"exportId\":42,"
                        + "\"kind\":\"EXPORT_REQUESTED\",\"seq\":7}",
                ChainHash.canonical(7, AT, "EXPORT_REQUESTED", "bob", 42L, DETAIL));
        assertEquals("e69396ba0abfedaf72dcecb84370f781bc93e87a248969bd30a5db0b7e7f9e61",
                ChainHash.of(ChainHash.GENESIS, 7, AT, "EXPORT_REQUESTED", "bob", 42L, DETAIL));
    }

    @Test
    void controls_quotes_and_backslashes_are_escaped_and_other_characters_written_as_they_are() {
        String actor = "a\tb\u0001\"c\\\u2028é😀";
        Instant at = Instant.parse("2026-11-30T01:02:03.1Z");
        assertEquals("{\"actor\":\"a\\tb\\u0001\\\"c\\\\\u2028é😀\",\"at\":\"2026-11-30T01:02:03.100000Z\","
                        + "\"detail\":\"{}\",\"exportId\":null,\"kind\":\"FILE_DOWNLOADED\",\"seq\":8}",
                ChainHash.canonical(8, at, "FILE_DOWNLOADED", actor, null, "{}"));
        assertEquals("eac9f10d6f44a3cb5d6bfcf7eccf2ac6b9df808f0f424eaf72b810629d31b128",
                ChainHash.of("e69396ba0abfedaf72dcecb84370f781bc93e87a248969bd30a5db0b7e7f9e61", 8, at,
                        "FILE_DOWNLOADED", actor, null, "{}"));
    }

    @Test
    void every_column_and_the_link_change_the_hash() {
        String hash = ChainHash.of(ChainHash.GENESIS, 7, AT, "EXPORT_REQUESTED", "bob", 42L, DETAIL);
        assertNotEquals(hash, ChainHash.of("11".repeat(32), 7, AT, "EXPORT_REQUESTED", "bob", 42L, DETAIL));
        assertNotEquals(hash, ChainHash.of(ChainHash.GENESIS, 8, AT, "EXPORT_REQUESTED", "bob", 42L, DETAIL));
        assertNotEquals(hash, ChainHash.of(ChainHash.GENESIS, 7, AT.plusNanos(1_000), "EXPORT_REQUESTED", "bob", 42L,
                DETAIL));
        assertNotEquals(hash, ChainHash.of(ChainHash.GENESIS, 7, AT, "EXPORT_CANCELLED", "bob", 42L, DETAIL));
        assertNotEquals(hash, ChainHash.of(ChainHash.GENESIS, 7, AT, "EXPORT_REQUESTED", "bobby", 42L, DETAIL));
        assertNotEquals(hash, ChainHash.of(ChainHash.GENESIS, 7, AT, "EXPORT_REQUESTED", "bob", null, DETAIL));
        assertNotEquals(hash, ChainHash.of(ChainHash.GENESIS, 7, AT, "EXPORT_REQUESTED", "bob", 42L, "{}"));
    }
}
