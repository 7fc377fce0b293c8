package org.exportaudit.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The address a step-up sign-in returns to keeps the Export dialog's format and file name in its path. */
class PageAddressesTest {

    @Test
    void a_file_name_with_spaces_accents_and_parentheses_is_one_path_segment_that_decodes_to_itself() {
        String address = PageAddresses.exportAgain("contacts", "XLSX", " Kontakte Österreich (2)+ ");

        assertEquals("/sources/contacts/export/XLSX/Kontakte%20%C3%96sterreich%20%282%29%2B", address);
        Matcher path = PageAddresses.SOURCE.matcher(URI.create(address).getPath().substring("/sources".length()));
        assertTrue(path.matches(), address);
        assertEquals("contacts", path.group(1));
        assertEquals("XLSX", path.group(2));
        assertEquals("Kontakte Österreich (2)+", path.group(3));
    }

    @Test
    void without_a_file_name_the_dialog_offers_the_default_again() {
        String address = PageAddresses.exportAgain("deals", "CSV", "  ");

        assertEquals("/sources/deals/export/CSV", address);
        Matcher path = PageAddresses.SOURCE.matcher("/deals/export/CSV");
        assertTrue(path.matches());
        assertEquals(null, path.group(3));
    }

    @Test
    void the_plain_source_page_and_nothing_else_matches() {
        assertTrue(PageAddresses.SOURCE.matcher("/companies").matches());
        assertFalse(PageAddresses.SOURCE.matcher("/companies/export").matches());
        assertFalse(PageAddresses.SOURCE.matcher("/companies/export/CSV/a/b").matches());
        assertFalse(PageAddresses.SOURCE.matcher("/Companies").matches());
    }
}
