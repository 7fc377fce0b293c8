package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static final List<Column> COLUMNS = List.of(new Column("name", "Name", false),
            new Column("amount", "Amount", true));

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
        assertEquals("'=cmd|' /C calc'!A0", text((Element) cells.item(4)));
        assertEquals("'-1+1", text((Element) cells.item(5)), "a numeric column's non-number is neutralised text");
        assertEquals(4, sheet.getElementsByTagName("row").getLength());
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

    private static Map<String, String> write(int rowsPerSheet, String[]... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxFile file = new XlsxFile(out, COLUMNS, command -> new Thread(command).start(), rowsPerSheet);
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

    private static String text(Element cell) {
        return cell.getElementsByTagName("t").item(0).getTextContent();
    }
}
