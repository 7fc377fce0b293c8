package org.exportaudit.export.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.exportaudit.export.encoder.ExportedFilesReadBackTest;
import org.exportaudit.export.encoder.XlsxFile;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Column.Type;
import org.junit.jupiter.api.Test;

/**
 * An XLSX export of PostgreSQL reads its rows as COPY's CSV lines (CsvCopyFeed); of any other
 * database, as text values. The workbook must be the same, byte for byte: each row here is written
 * once through write(String[]) and once as the line COPY … (FORMAT csv) sends for it.
 */
public class XlsxFileCsvLineTest {

    @Test
    void the_hostile_values_make_the_same_workbook_from_copy_lines_as_from_text_values() throws IOException {
        String[][] rows = ExportedFilesReadBackTest.hostileRows();

        assertSameWorkbook(ExportedFilesReadBackTest.COLUMNS, rows, XlsxFile.EXCEL_ROWS);
        assertSameWorkbook(ExportedFilesReadBackTest.COLUMNS, rows, 7); // a new sheet every 6 rows
    }

    @Test
    void random_rows_of_hostile_pieces_make_the_same_workbook() throws IOException {
        List<Column> columns = List.of(new Column("a", "A", Type.TEXT), new Column("n", "N", Type.NUMBER),
                new Column("d", "D", Type.DATE), new Column("t", "T", Type.TIMESTAMP), new Column("b", "B", Type.TEXT));
        Random random = new Random(15);
        for (int round = 0; round < 20; round++) {
            String[][] rows = new String[200][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new String[] {text(random), number(random), date(random), timestamp(random), text(random)};
            }
            assertSameWorkbook(columns, rows, XlsxFile.EXCEL_ROWS);
        }
    }

    @Test
    void a_single_column_of_a_backslash_and_dot_is_quoted_by_copy_and_read_as_it_is() throws IOException {
        assertSameWorkbook(List.of(new Column("a", "A")), new String[][] {{"\\."}, {""}, {null}, {"x"}},
                XlsxFile.EXCEL_ROWS);
    }

    @Test
    void the_copy_encoder_here_writes_what_postgresql_sends() {
        // As psql showed: COPY (SELECT '', NULL, ' a ', 'a,b', 'q"q', E'l\nf', E'c\rr', '\.') TO STDOUT
        // WITH (FORMAT csv) sends the line below.
        assertEquals("\"\",, a ,\"a,b\",\"q\"\"q\",\"l\nf\",\"c\rr\",\\.\n", new String(copyLine(
                new String[] {"", null, " a ", "a,b", "q\"q", "l\nf", "c\rr", "\\."}), StandardCharsets.UTF_8));
    }

    private static void assertSameWorkbook(List<Column> columns, String[][] rows, int rowsPerSheet)
            throws IOException {
        ByteArrayOutputStream fromValues = new ByteArrayOutputStream();
        XlsxFile values = new XlsxFile(fromValues, columns, task -> new Thread(task).start(), rowsPerSheet);
        for (String[] row : rows) {
            values.write(row);
        }
        values.finish();
        ByteArrayOutputStream fromLines = new ByteArrayOutputStream();
        XlsxFile lines = new XlsxFile(fromLines, columns, task -> new Thread(task).start(), rowsPerSheet);
        for (String[] row : rows) {
            lines.writeCsvLine(copyLine(row));
        }
        lines.finish();
        if (!Arrays.equals(fromValues.toByteArray(), fromLines.toByteArray())) {
            // The sheets' XML says where they part; the bytes alone would not.
            assertEquals(sheets(fromValues.toByteArray()), sheets(fromLines.toByteArray()));
        }
        assertArrayEquals(fromValues.toByteArray(), fromLines.toByteArray());
    }

    private static String sheets(byte[] workbook) throws IOException {
        StringBuilder sheets = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                sheets.append(entry.getName()).append('\n')
                        .append(new String(zip.readAllBytes(), StandardCharsets.UTF_8).replace("<row>", "\n<row>"))
                        .append('\n');
            }
        }
        return sheets.toString();
    }

    /**
     * The line PostgreSQL's COPY … TO STDOUT WITH (FORMAT csv, ENCODING 'UTF8') sends for a row
     * (CopyAttributeOutCSV): a NULL is nothing, an empty string {@code ""}; a value is quoted, its
     * quotes doubled, when it holds a comma, a quote, a CR or an LF, and so is {@code \.} alone on
     * a line (COPY's end-of-data marker). Spaces at the ends are no reason to quote.
     */
    public static byte[] copyLine(String[] row) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.length; column++) {
            if (column > 0) {
                line.append(',');
            }
            String value = row[column];
            if (value == null) {
                continue;
            }
            boolean quote = value.isEmpty() || row.length == 1 && value.equals("\\.");
            for (int i = 0; i < value.length() && !quote; i++) {
                char c = value.charAt(i);
                quote = c == ',' || c == '"' || c == '\r' || c == '\n';
            }
            line.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- random values, of pieces that each take a path of their own ----

    private static final String[] PIECES = {"a", "Zoë", "王", "\uD83D\uDE00", ",", "\"", "\"\"", "\n", "\r\n", "\r",
        " ", "\t", "\u2003", "\u3000", "\u00A0", "\u0085", "&", "<", ">", "_", "_x", "_x0041_", "_x00e9_", "_x٣٣٣٣_",
        "_x\uFF21\uFF21\uFF21\uFF21_", "_x00\uD83D\uDE00_", "\u0001", "\u001F", "\u007F", "\uFFFE", "\uFFFF", "\uFFFD",
        "=", "+", "-", "@", "1", "0", ".", "e", "E", "\u202E", "\u200F", "\\", "\\."};

    private static String text(Random random) {
        switch (random.nextInt(20)) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                return pieces(random, 1 + random.nextInt(3)).repeat(11_000 + random.nextInt(12_000)); // may be cut
            case 3:
                return "王".repeat(20_000 + random.nextInt(20_000)); // more bytes than a cell's characters
            default:
                return pieces(random, 1 + random.nextInt(12));
        }
    }

    private static String pieces(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static String number(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 2 -> (random.nextBoolean() ? "-" : "") + random.nextInt(1000) + "." + "0".repeat(random.nextInt(20))
                    + random.nextInt(1000);
            case 3 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300));
            case 4 -> "1" + "0".repeat(random.nextInt(30)) + (random.nextBoolean() ? "e" + (random.nextInt(700) - 350) : "");
            case 5 -> List.of("NaN", "Infinity", "-Infinity", "1e", "-", "+1", "1,5", "١٢", "").get(random.nextInt(9));
            default -> random.nextInt(100_000) + "." + random.nextInt(100);
        };
    }

    private static String date(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> List.of("infinity", "-infinity", "0044-03-15 BC", "2024-02-30", "2024-1-1", "٢٠٢٤-٠١-٠١",
                    "10000-01-01").get(random.nextInt(7));
            default -> String.format("%04d-%02d-%02d", 1890 + random.nextInt(200), 1 + random.nextInt(12),
                    1 + random.nextInt(31));
        };
    }

    private static String timestamp(Random random) {
        if (random.nextInt(6) == 0) {
            return random.nextBoolean() ? null : List.of("infinity", "2024-03-10 12:34:56 BC", "2024-03-10 25:00:00",
                    "2024-03-10 12:34:56.", "2024-03-10 12:34:56+٠٢").get(random.nextInt(5));
        }
        String fraction = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "." + random.nextInt(1000);
            default -> String.format(".%06d", random.nextInt(1_000_000));
        };
        String offset = List.of("", "", "+00", "+02", "-05:30", "+05:45", "+00:53:28", "Z").get(random.nextInt(8));
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", 1899 + random.nextInt(200), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60)) + fraction + offset;
    }
}
