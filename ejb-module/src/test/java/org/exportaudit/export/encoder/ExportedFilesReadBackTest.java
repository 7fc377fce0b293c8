package org.exportaudit.export.encoder;

import org.exportaudit.export.entity.Column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.exportaudit.export.control.XlsxFileCsvLineTest;
import org.exportaudit.export.entity.Column.Type;
import org.exportaudit.export.entity.ExportFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile values written by our CSV and XLSX writers and read back by readers that are not ours:
 * Apache POI and Debian's openpyxl for the workbook, Apache Commons CSV and Python's csv module for
 * the CSV. Each must read every value as it was (or as the README says it is written: formulas
 * guarded, long texts cut), with the cell types of the columns.
 */
public class ExportedFilesReadBackTest {

    /** Debian's Python, which has python3-openpyxl (bin/test installs it); not whatever python3 is first on the PATH. */
    private static final String PYTHON = "/usr/bin/python3";

    private static final Path READ_BACK = Path.of("src/test/python/read_back.py");

    public static final List<Column> COLUMNS = List.of(
            new Column("text", "Text", Type.TEXT),
            new Column("number", "Number", Type.NUMBER),
            new Column("day", "Date", Type.DATE),
            new Column("moment", "Timestamp", Type.TIMESTAMP),
            new Column("unlabelled", "", Type.TEXT),
            new Column("note", "-Note", Type.TEXT));

    private static final String EMOJI = "\uD83D\uDE00";
    private static final int CUT = XlsxFile.CELL_CHARACTERS - XlsxFile.TRUNCATED.length();

    private static final List<String> TEXTS = List.of(
            "=1+1", "+1", "-1", "@SUM(A1:A2)", "\tstarts with a tab", "\rstarts with a CR",
            "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.com\",\"x\")",
            "control \u0000\u0001\u0008\u000B\u000C\u001F\u007F end", "not characters \uFFFE\uFFFF",
            "emoji " + EMOJI + " \uD83D\uDC4D\uD83C\uDFFD family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "RTL \u202Eevil\u202C and \u05E9\u05DC\u05D5\u05DD, marks \u200F\u200E",
            "CRLF\r\ninside", "CR\ronly", "LF\nonly", "trailing CR\r",
            "<tag attr=\"x\"> & 'single' \"double\" ]]> <![CDATA[ &amp;",
            "_x0041_ looks like an escape, _x005F_ too", "Zoë Ångström 王 naïve",
            "  spaces at both ends  ", " ", "plain",
            "x".repeat(XlsxFile.CELL_CHARACTERS),
            "y".repeat(XlsxFile.CELL_CHARACTERS + 1),
            "z".repeat(40_000),
            "a".repeat(CUT - 1) + EMOJI + "b".repeat(100), // an emoji where the cut falls
            "");

    private static final List<String> NUMBERS = List.of("-5", "0", "42", "-0.5", "1234.50", "0.1", "-1+1",
            "123456789012345", "-123456789012345", "1234567890123456789", "9223372036854775807", "1.5E10",
            "-2.5e-3", "NaN", "-Infinity", "12.34.56", "0.000000000000001", "000");

    private static final List<String> DATES = List.of("2024-02-29", "1900-01-01", "1900-02-28", "1900-03-01",
            "9999-12-31", "1970-01-01", "1899-12-31", "2023-02-30", "31/12/2024", "-2024-01-01", "=TODAY()");

    private static final List<String> TIMESTAMPS = List.of("2024-03-10 12:34:56", "2024-03-10 12:34:56.789",
            "2024-03-10 23:30:00+02", "2024-03-10 01:00:00-05:30", "2024-03-10T08:00:00Z",
            "1999-12-31 23:59:59.999", "2024-03-10 24:00:00", "yesterday", "@now");

    private static String[][] rows;

    @TempDir
    static Path folder;

    private static Path csv;
    private static Path xlsx;

    @BeforeAll
    static void write() throws Exception {
        rows = hostileRows();
        csv = folder.resolve("hostile.csv");
        xlsx = folder.resolve("hostile.xlsx");
        write(ExportFormat.CSV, csv);
        write(ExportFormat.XLSX, xlsx);
    }

    /** The fixture's rows, of COLUMNS; XlsxFileCsvLineTest writes them too. */
    public static String[][] hostileRows() {
        String[][] hostile = new String[TEXTS.size() + 1][];
        for (int i = 0; i < TEXTS.size(); i++) {
            hostile[i] = new String[] {TEXTS.get(i), at(NUMBERS, i), at(DATES, i), at(TIMESTAMPS, i),
                    TEXTS.get(TEXTS.size() - 1 - i), i % 2 == 0 ? "=2*" + i : null};
        }
        hostile[TEXTS.size()] = new String[COLUMNS.size()]; // all NULL
        return hostile;
    }

    private static void write(ExportFormat format, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            RecordFile written = RecordFile.open(format, out, COLUMNS, task -> new Thread(task).start());
            for (String[] row : rows) {
                written.write(row);
            }
            written.finish();
        }
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    // ---- what a reader should see ----

    /** A cell as a spreadsheet should hold it. */
    private record Expected(CellType type, Object value, boolean quotePrefix) {

        static final Expected EMPTY = new Expected(CellType.BLANK, null, false);

        static Expected text(String value) {
            String kept = value.length() <= XlsxFile.CELL_CHARACTERS ? value
                    : value.substring(0, Character.isHighSurrogate(value.charAt(CUT - 1)) ? CUT - 1 : CUT)
                    + XlsxFile.TRUNCATED;
            return new Expected(CellType.STRING, kept, "=+-@\t\r".indexOf(value.charAt(0)) >= 0);
        }
    }

    /** The cells of the workbook, header row first, written out independently of XlsxFile. */
    private static List<List<Expected>> expectedCells() {
        List<List<Expected>> expected = new ArrayList<>();
        expected.add(COLUMNS.stream().map(column -> column.label().isEmpty() ? Expected.EMPTY
                : Expected.text(column.label())).toList());
        for (String[] row : rows) {
            List<Expected> cells = new ArrayList<>();
            for (int column = 0; column < row.length; column++) {
                String value = row[column];
                cells.add(value == null || value.isEmpty() ? Expected.EMPTY
                        : expected(COLUMNS.get(column).type(), value));
            }
            expected.add(cells);
        }
        return expected;
    }

    private static Expected expected(Type type, String value) {
        return switch (type) {
            case NUMBER -> switch (value) {
                case "-5", "0", "42", "-0.5", "1234.50", "0.1", "123456789012345", "-123456789012345", "1.5E10",
                        "-2.5e-3", "0.000000000000001", "000" ->
                        new Expected(CellType.NUMERIC, Double.parseDouble(value), false);
                default -> Expected.text(value); // more digits than a double keeps, or no number
            };
            case DATE -> switch (value) {
                case "2024-02-29", "1900-01-01", "1900-02-28", "1900-03-01", "9999-12-31", "1970-01-01" ->
                        new Expected(CellType.NUMERIC, LocalDateTime.parse(value + "T00:00"), false);
                default -> Expected.text(value);
            };
            case TIMESTAMP -> switch (value) {
                case "2024-03-10 12:34:56" -> date("2024-03-10T12:34:56");
                case "2024-03-10 12:34:56.789" -> date("2024-03-10T12:34:56.789");
                case "2024-03-10 23:30:00+02" -> date("2024-03-10T21:30");
                case "2024-03-10 01:00:00-05:30" -> date("2024-03-10T06:30");
                case "2024-03-10T08:00:00Z" -> date("2024-03-10T08:00");
                case "1999-12-31 23:59:59.999" -> date("1999-12-31T23:59:59.999");
                default -> Expected.text(value);
            };
            case TEXT -> Expected.text(value);
        };
    }

    private static Expected date(String utc) {
        return new Expected(CellType.NUMERIC, LocalDateTime.parse(utc), false);
    }

    // ---- XLSX ----

    @Test
    void apache_poi_reads_every_value_with_its_type_and_no_visible_quote() throws Exception {
        List<List<Expected>> expected = expectedCells();
        // From a stream: a workbook opened from a File is saved back to it when closed.
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertEquals(1, workbook.getNumberOfSheets());
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(expected.size(), sheet.getLastRowNum() + 1, "rows");
            for (int r = 0; r < expected.size(); r++) {
                Row row = sheet.getRow(r);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    assertPoiCell(expected.get(r).get(c), row.getCell(c), "row " + r + ", column " + c);
                }
            }
        }
    }

    private static void assertPoiCell(Expected want, Cell cell, String where) {
        if (want.type() == CellType.BLANK) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, where + " is empty: " + cell);
            return;
        }
        assertEquals(want.type(), cell.getCellType(), where);
        if (want.value() instanceof LocalDateTime when) {
            assertTrue(DateUtil.isCellDateFormatted(cell), where + " has a date style");
            assertEquals(when, cell.getLocalDateTimeCellValue(), where);
        } else if (want.value() instanceof Double number) {
            assertEquals(number.doubleValue(), cell.getNumericCellValue(), where);
            assertTrue(!DateUtil.isCellDateFormatted(cell), where + " is no date");
        } else {
            assertEquals(want.value(), cell.getStringCellValue(), where);
            assertEquals(want.quotePrefix(), cell.getCellStyle().getQuotePrefixed(), where + " quotePrefix");
        }
    }

    @Test
    void openpyxl_reads_every_value_with_its_type_and_no_warning() throws Exception {
        JsonObject read = python("xlsx", xlsx);
        assertEquals(List.of(), read.getJsonArray("warnings").getValuesAs(JsonValue::toString),
                "openpyxl's warnings (a workbook without a default style gets one)");
        JsonArray sheets = read.getJsonArray("sheets");
        assertEquals(1, sheets.size());
        JsonArray sheet = sheets.getJsonArray(0);
        List<List<Expected>> expected = expectedCells();
        assertEquals(expected.size(), sheet.size(), "rows");
        for (int r = 0; r < sheet.size(); r++) {
            JsonArray row = sheet.getJsonArray(r);
            for (int c = 0; c < COLUMNS.size(); c++) {
                JsonValue cell = c < row.size() ? row.get(c) : JsonValue.NULL;
                assertOpenpyxlCell(expected.get(r).get(c), cell, "row " + r + ", column " + c);
            }
        }
    }

    private static void assertOpenpyxlCell(Expected want, JsonValue read, String where) {
        if (want.type() == CellType.BLANK) {
            assertEquals(JsonValue.NULL, read, where + " is empty");
            return;
        }
        JsonObject cell = read.asJsonObject();
        if (want.value() instanceof LocalDateTime when) {
            assertEquals("d", cell.getString("type"), where);
            assertEquals(when, LocalDateTime.parse(cell.getString("value")), where);
        } else if (want.value() instanceof Double number) {
            assertEquals("n", cell.getString("type"), where);
            assertEquals(number.doubleValue(), cell.getJsonNumber("value").doubleValue(), where);
        } else {
            assertEquals("s", cell.getString("type"), where);
            assertEquals(want.value(), cell.getString("value"), where);
            assertEquals(want.quotePrefix(), cell.getBoolean("quotePrefix"), where + " quotePrefix");
        }
    }

    @Test
    void the_workbook_declares_its_styles_and_holds_no_formula() throws Exception {
        try (var zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            String types = new String(zip.getInputStream(zip.getEntry("[Content_Types].xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            String relations = new String(zip.getInputStream(zip.getEntry("xl/_rels/workbook.xml.rels"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(types.contains("PartName=\"/xl/styles.xml\""));
            assertTrue(relations.contains("Target=\"styles.xml\""));
            assertTrue(!sheet.contains("<f>") && !sheet.contains("<f "), "no formula element");
            assertTrue(!sheet.contains("'="), "no visible quote");
        }
    }

    // ---- CSV ----

    /** The records as the CSV should hold them: formula-like text guarded with a quote, numbers as they are. */
    private static List<List<String>> expectedRecords() {
        List<List<String>> expected = new ArrayList<>();
        expected.add(COLUMNS.stream().map(column -> guarded(column.label())).toList());
        for (String[] row : rows) {
            List<String> record = new ArrayList<>();
            for (int column = 0; column < row.length; column++) {
                String value = row[column] == null ? "" : row[column];
                boolean number = COLUMNS.get(column).type() == Type.NUMBER
                        && value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
                record.add(number ? value : guarded(value));
            }
            expected.add(record);
        }
        return expected;
    }

    private static String guarded(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    @Test
    void commons_csv_reads_every_value_with_formulas_guarded_and_numbers_as_they_are() throws Exception {
        List<List<String>> read = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                read.add(record.toList());
            }
        }
        assertRecords(read);
    }

    @Test
    void pythons_csv_module_reads_every_value_with_formulas_guarded_and_numbers_as_they_are() throws Exception {
        JsonArray records = python("csv", csv).getJsonArray("rows");
        List<List<String>> read = new ArrayList<>();
        for (JsonValue record : records) {
            read.add(record.asJsonArray().getValuesAs(field -> ((jakarta.json.JsonString) field).getString()));
        }
        assertRecords(read);
    }

    private static void assertRecords(List<List<String>> read) {
        List<List<String>> expected = expectedRecords();
        assertEquals(expected.size(), read.size(), "records");
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r), read.get(r), "record " + r);
        }
        assertEquals("-5", read.get(1).get(1), "a negative number is a number");
        assertEquals("'=1+1", read.get(1).get(0), "a formula in a text column is guarded");
        assertNotEquals(expected.get(1).get(1), expected.get(1).get(0));
    }

    // ---- Python ----

    private static JsonObject python(String kind, Path file) throws Exception {
        Process process = new ProcessBuilder(PYTHON, READ_BACK.toString(), kind, file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        JsonObject result;
        try (JsonReader json = Json.createReader(process.getInputStream())) {
            result = json.readObject();
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python ends");
        assertEquals(0, process.exitValue(), "python's exit code (is python3-openpyxl installed? bin/test installs it)");
        return result;
    }
}
