package org.exportaudit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** The tests' way to say that a call is refused, and as what: its kind (the REST API's status) and its code. */
public final class Refused {

    private Refused() {
    }

    /** Asserts that {@code call} is refused as {@code kind}, and returns the refusal. */
    public static Refusal as(Refusal.Kind kind, Executable call) {
        Refusal refused = assertThrows(Refusal.class, call);
        assertEquals(kind, refused.kind(), refused::getMessage);
        return refused;
    }

    /** Asserts that {@code call} is refused as {@code kind} for {@code code}, and returns the refusal. */
    public static Refusal as(Refusal.Kind kind, String code, Executable call) {
        Refusal refused = as(kind, call);
        assertEquals(code, refused.code(), refused::getMessage);
        return refused;
    }
}
