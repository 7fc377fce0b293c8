package org.exportaudit.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttachmentNameTest {

    @Test
    void a_plain_name_is_sent_as_it_is() {
        assertEquals("attachment; filename=\"contacts-2026-11-24.csv\"; filename*=UTF-8''contacts-2026-11-24.csv",
                AttachmentName.header("contacts-2026-11-24.csv"));
    }

    @Test
    void quotes_separators_and_line_breaks_cannot_break_out_of_the_header() {
        String header = AttachmentName.header("a\"; filename=evil.exe\r\nX-Injected: 1.csv");

        assertEquals("attachment; filename=\"a__ filename=evil.exe__X-Injected: 1.csv\"; "
                + "filename*=UTF-8''a%22%3B%20filename%3Devil.exe%0D%0AX-Injected%3A%201.csv", header);
    }

    @Test
    void accents_travel_in_utf8() {
        assertEquals("attachment; filename=\"Kontakte _sterreich.xlsx\"; filename*=UTF-8''Kontakte%20%C3%96sterreich.xlsx",
                AttachmentName.header("Kontakte Österreich.xlsx"));
    }
}
