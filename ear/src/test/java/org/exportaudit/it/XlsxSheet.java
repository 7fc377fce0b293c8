package org.exportaudit.it;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
 * their rows concatenated, header rows of later sheets dropped. A number whose cell style has a
 * date format is read as the ISO date it stands for (1900 date system), as a spreadsheet shows it.
 */
final class XlsxSheet {

    private XlsxSheet() {
    }

    /** A cell style (an {@code xf} of {@code cellXfs}): whether it formats dates, whether it keeps text text. */
    private record Style(boolean date, boolean quotePrefix) {
    }

    static List<List<String>> read(Path workbook, int width) throws Exception {
        return read(workbook, width, false);
    }

    /**
     * The texts that start like a formula (= + - @) but lack the quotePrefix style, which keeps
     * them text when someone edits the cell.
     */
    static List<String> formulaLikeTextsWithoutQuotePrefix(Path workbook, int width) throws Exception {
        return read(workbook, width, true).stream().flatMap(List::stream).filter(text -> !text.isEmpty()).toList();
    }

    private static List<List<String>> read(Path workbook, int width, boolean unguardedOnly) throws Exception {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            List<String> shared = sharedStrings(zip);
            List<Style> styles = styles(zip);
            List<List<String>> rows = new ArrayList<>();
            for (int sheet = 1; zip.getEntry("xl/worksheets/sheet" + sheet + ".xml") != null; sheet++) {
                List<List<String>> sheetRows = rows(zip, zip.getEntry("xl/worksheets/sheet" + sheet + ".xml"),
                        shared, styles, width, unguardedOnly);
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

    private static List<Style> styles(ZipFile zip) throws Exception {
        List<Style> styles = new ArrayList<>();
        ZipEntry entry = zip.getEntry("xl/styles.xml");
        if (entry == null) {
            return styles;
        }
        Map<String, String> formats = new HashMap<>();
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            boolean cellXfs = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "numFmt" -> formats.put(xml.getAttributeValue(null, "numFmtId"),
                                xml.getAttributeValue(null, "formatCode"));
                        case "cellXfs" -> cellXfs = true;
                        case "xf" -> {
                            if (cellXfs) {
                                String id = xml.getAttributeValue(null, "numFmtId");
                                int builtIn = id == null ? 0 : Integer.parseInt(id);
                                String code = formats.getOrDefault(id, "");
                                boolean date = builtIn >= 14 && builtIn <= 22 || code.contains("yy") && code.contains("d");
                                styles.add(new Style(date, "1".equals(xml.getAttributeValue(null, "quotePrefix"))));
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
                    cellXfs = false;
                }
            }
        }
        return styles;
    }

    /** The day a serial number of the 1900 date system stands for, with its time if it has one. */
    private static String date(String serial) {
        double value = Double.parseDouble(serial);
        long day = (long) Math.floor(value);
        // Day 60 is the 29 February 1900 that never was: days before it count from one day later.
        LocalDateTime time = LocalDate.of(1899, 12, day < 61 ? 31 : 30).plusDays(day).atStartOfDay()
                .plusNanos(Math.round((value - day) * 86_400_000) * 1_000_000);
        return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.toString();
    }

    private static List<List<String>> rows(ZipFile zip, ZipEntry sheet, List<String> shared, List<Style> styles,
            int width, boolean unguardedOnly) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = zip.getInputStream(sheet)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            Map<Integer, String> row = null;
            int column = 0;
            String type = null;
            Style style = null;
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
                            String index = xml.getAttributeValue(null, "s");
                            style = index == null ? new Style(false, false) : styles.get(Integer.parseInt(index));
                            value.setLength(0);
                        }
                        case "v", "t" -> value.append(xml.getElementText());
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("c")) {
                        String text = "s".equals(type) ? shared.get(Integer.parseInt(value.toString())) : value.toString();
                        boolean number = type == null || "n".equals(type);
                        if (number && style.date() && !text.isEmpty()) {
                            text = date(text);
                        }
                        if (unguardedOnly) {
                            boolean unguarded = !number && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0
                                    && !style.quotePrefix();
                            text = unguarded ? text : "";
                        }
                        row.put(column, text);
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
