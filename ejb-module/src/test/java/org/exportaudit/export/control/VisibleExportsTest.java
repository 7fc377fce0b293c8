package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import org.exportaudit.client.Refusal;
import org.exportaudit.client.Refused;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportFormat;
import org.junit.jupiter.api.Test;

/** Who may see an export, as every boundary that finds one for its caller asks it. */
class VisibleExportsTest {

    private static final Export BOBS = Export.requested("file.csv", "contacts", ExportFormat.CSV, "{}", "bob",
            Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void anExporterSeesTheirOwn() {
        assertSame(BOBS, VisibleExports.requireVisible(7, BOBS, new Viewer("bob", false)));
    }

    @Test
    void aSuperAdminSeesEveryones() {
        assertSame(BOBS, VisibleExports.requireVisible(7, BOBS, new Viewer("alice", true)));
    }

    @Test
    void anotherExportersOneIsAnsweredAsOneThatDoesNotExist() {
        Refusal other = Refused.as(Refusal.Kind.NOT_FOUND,
                () -> VisibleExports.requireVisible(7, BOBS, new Viewer("erin", false)));
        Refusal none = Refused.as(Refusal.Kind.NOT_FOUND,
                () -> VisibleExports.requireVisible(7, null, new Viewer("alice", true)));
        assertEquals(none.code(), other.code());
        assertEquals(none.getMessage(), other.getMessage());
    }

    @Test
    void aListShowsAnExporterTheirOwnAndASuperAdminEveryones() {
        assertEquals("bob", new Viewer("bob", false).onlyOwn());
        assertNull(new Viewer("alice", true).onlyOwn());
    }
}
