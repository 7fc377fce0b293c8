package org.exportaudit.it;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the cells of a workbook's sheets with nothing but the JDK — shared, inline and plain
 * values — as an independent check of what our writer produced. Sheets are read in order and
 * their rows concatenated, header rows of later sheets dropped.
 */
final class XlsxSheet {

    private XlsxSheet() {
    }

    static List<List<String>> read(Path workbook, int width) throws Exception {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            List<String> shared = sharedStrings(zip);
            List<List<String>> rows = new ArrayList<>();
            for (int sheet = 1; zip.getEntry("xl/worksheets/sheet" + sheet + ".xml") != null; sheet++) {
                List<List<String>> sheetRows = rows(zip, zip.getEntry("xl/worksheets/sheet" + sheet + ".xml"),
                        shared, width);
                rows.addAll(sheet == 1 ? sheetRows : sheetRows.subList(1, sheetRows.size()));
            }
            if (rows.isEmpty()) {
                throw new AssertionError("the workbook has no sheet");
            }
            return rows;
        }
    }

    private static List<String> sharedStrings(ZipFile zip) throws Exception {
        List<String> strings = new ArrayList<>();
        ZipEntry entry = zip.getEntry("xl/sharedStrings.xml");
        if (entry == null) {
            return strings;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            StringBuilder text = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                    text = new StringBuilder();
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("t")) {
                    text.append(xml.getElementText());
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("si")) {
                    strings.add(text.toString());
                }
            }
        }
        return strings;
    }

    private static List<List<String>> rows(ZipFile zip, ZipEntry sheet, List<String> shared, int width)
            throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = zip.getInputStream(sheet)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            Map<Integer, String> row = null;
            int column = 0;
            String type = null;
            StringBuilder value = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            row = new HashMap<>();
                            column = -1;
                        }
                        case "c" -> {
                            // A cell without a reference is the one after the previous cell.
                            String reference = xml.getAttributeValue(null, "r");
                            column = reference == null ? column + 1 : columnIndex(reference);
                            type = xml.getAttributeValue(null, "t");
                            value.setLength(0);
                        }
                        case "v", "t" -> value.append(xml.getElementText());
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("c")) {
                        row.put(column, "s".equals(type) ? shared.get(Integer.parseInt(value.toString())) : value.toString());
                    } else if (xml.getLocalName().equals("row")) {
                        List<String> cells = new ArrayList<>(width);
                        for (int c = 0; c < width; c++) {
                            cells.add(row.getOrDefault(c, ""));
                        }
                        rows.add(cells);
                    }
                }
            }
        }
        return rows;
    }

    /** "C12" → 2 */
    private static int columnIndex(String reference) {
        int index = 0;
        for (char c : reference.toCharArray()) {
            if (Character.isDigit(c)) {
                break;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }
}
