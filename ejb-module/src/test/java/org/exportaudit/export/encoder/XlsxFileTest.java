package org.exportaudit.export.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.exportaudit.export.entity.Column;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XlsxFileTest {

    private static final List<Column> COLUMNS = List.of(new Column("name", "Name"),
            new Column("amount", "Amount", Column.Type.NUMBER));

    @Test
    void writes_a_workbook_with_text_and_numeric_cells() throws Exception {
        Map<String, String> parts = write(10, new String[] {"Zoë & <Co>", "1234.50"},
                new String[] {"=cmd|' /C calc'!A0", "-1+1"}, new String[] {null, ""});

        assertTrue(parts.containsKey("[Content_Types].xml"));
        assertTrue(parts.containsKey("xl/workbook.xml"));
        Document sheet = xml(parts.get("xl/worksheets/sheet1.xml"));
        NodeList cells = sheet.getElementsByTagName("c");
        assertEquals("Name", text((Element) cells.item(0)));
        assertEquals("Zoë & <Co>", text((Element) cells.item(2)));
        assertEquals("1234.50", ((Element) cells.item(3)).getElementsByTagName("v").item(0).getTextContent());
        assertEquals("=cmd|' /C calc'!A0", text((Element) cells.item(4)), "inline strings need no visible quote");
        assertEquals("3", ((Element) cells.item(4)).getAttribute("s"), "the quotePrefix style");
        assertEquals("-1+1", text((Element) cells.item(5)), "a numeric column's non-number is text");
        assertEquals("3", ((Element) cells.item(5)).getAttribute("s"), "the quotePrefix style");
        assertEquals(4, sheet.getElementsByTagName("row").getLength());
        assertTrue(parts.get("xl/styles.xml").contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"),
                "a default cell style");
    }

    @Test
    void an_empty_column_label_is_an_empty_heading() throws Exception {
        Map<String, String> parts = write(List.of(new Column("a", ""), new Column("b", "B")), 10,
                new String[] {"x", "y"});

        NodeList cells = xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("c");
        assertEquals(0, ((Element) cells.item(0)).getElementsByTagName("t").getLength());
        assertEquals("B", text((Element) cells.item(1)));
    }

    @Test
    void keeps_carriage_returns_and_escapes_what_xml_cannot_hold() throws Exception {
        Map<String, String> parts = write(10, new String[] {"a\r\nb\rc\u0001d\u0000_x0041_", "1"});

        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("<t>a&#13;\nb&#13;c_x0001_d_x0000__x005F_x0041_</t>"), sheet);
        xml(sheet); // still well-formed
    }

    @Test
    void cuts_a_text_longer_than_a_cell_holds_to_exactly_the_limit_with_a_marker() throws Exception {
        String exactly = "x".repeat(32_767);
        Map<String, String> parts = write(10, new String[] {exactly, "1"}, new String[] {"y".repeat(40_000), "2"});

        NodeList cells = xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("c");
        assertEquals(exactly, text((Element) cells.item(2)));
        String cut = text((Element) cells.item(4));
        assertEquals(32_767, cut.length());
        assertTrue(cut.endsWith("y…[truncated]"), cut.substring(cut.length() - 20));
    }

    @Test
    void writes_dates_and_timestamps_as_serial_numbers_with_a_date_style() throws Exception {
        Map<String, String> parts = write(List.of(new Column("d", "D", Column.Type.DATE),
                new Column("t", "T", Column.Type.TIMESTAMP)), 10,
                new String[] {"2024-01-02", "2024-01-02 18:00:00"}, new String[] {"1900-01-01", "2024-01-02 01:00:00+02"},
                new String[] {"1899-12-31", "soon"});

        NodeList cells = xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("c");
        assertEquals("<c s=\"4\"><v>45293</v></c>", serialised(cells.item(2)));
        assertEquals("<c s=\"5\"><v>45293.75</v></c>", serialised(cells.item(3)));
        assertEquals("<c s=\"4\"><v>1</v></c>", serialised(cells.item(4)));
        assertEquals("<c s=\"5\"><v>45292.958333333336</v></c>", serialised(cells.item(5)), "in UTC");
        assertEquals("1899-12-31", text((Element) cells.item(6)), "before the 1900 date system: text");
        assertEquals("soon", text((Element) cells.item(7)));
    }

    @Test
    void writes_numbers_a_spreadsheet_holds_exactly_as_numbers_and_others_as_text() {
        for (String number : List.of("-5", "0", "1234.50", "-0.001", "123456789012345", "0.000123456789012345",
                "1.5E10", "100000000000000.0")) {
            assertTrue(XlsxFile.isNumberCell(number), number);
        }
        for (String text : List.of("1234567890123456", "9223372036854775807", "1.2345678901234567", "NaN",
                "-Infinity", "+1", "1e400", "1,5", "- 1", "")) {
            assertFalse(XlsxFile.isNumberCell(text), text);
        }
    }

    @Test
    void continues_on_a_new_sheet_with_its_own_header_when_one_is_full() throws Exception {
        String[][] rows = new String[5][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {"row " + i, Integer.toString(i)};
        }

        Map<String, String> parts = write(3, rows);

        assertEquals(3, xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("row").getLength());
        assertEquals(3, xml(parts.get("xl/worksheets/sheet2.xml")).getElementsByTagName("row").getLength());
        assertEquals(2, xml(parts.get("xl/worksheets/sheet3.xml")).getElementsByTagName("row").getLength());
        assertTrue(parts.get("xl/workbook.xml").contains("name=\"Export 3\""));
    }

    /**
     * An export taken over by another node is written again from the start: the file must be the
     * same bytes whenever it is written, so no entry may carry the time it was written.
     */
    @Test
    void the_same_rows_make_the_same_bytes_with_no_time_of_writing_in_the_entries() throws Exception {
        String[][] rows = {{"Zoë", "1"}, {"Ann", "2"}};
        byte[] first = bytes(rows);

        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertEquals(ZipOnThread.ENTRY_TIME, entry.getTimeLocal(), entry.getName());
                assertEquals(null, entry.getExtra(), "no extended timestamp: " + entry.getName());
            }
        }
        assertTrue(java.util.Arrays.equals(first, bytes(rows)));
    }

    private static byte[] bytes(String[]... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxFile file = new XlsxFile(out, COLUMNS, command -> new Thread(command).start(), 10);
        for (String[] row : rows) {
            file.write(row);
        }
        file.finish();
        return out.toByteArray();
    }

    private static Map<String, String> write(int rowsPerSheet, String[]... rows) throws Exception {
        return write(COLUMNS, rowsPerSheet, rows);
    }

    private static Map<String, String> write(List<Column> columns, int rowsPerSheet, String[]... rows)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxFile file = new XlsxFile(out, columns, command -> new Thread(command).start(), rowsPerSheet);
        for (String[] row : rows) {
            file.write(row);
        }
        file.finish();
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String serialised(org.w3c.dom.Node cell) throws Exception {
        var writer = new java.io.StringWriter();
        var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.transform(new javax.xml.transform.dom.DOMSource(cell), new javax.xml.transform.stream.StreamResult(writer));
        return writer.toString().replace(" xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"", "");
    }

    private static String text(Element cell) {
        return cell.getElementsByTagName("t").item(0).getTextContent();
    }
}
