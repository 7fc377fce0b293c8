import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.exportaudit.export.encoder.RecordFile;
import org.exportaudit.export.encoder.SpreadsheetFormulas;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Column.Type;

/**
 * Our XLSX writer (XlsxFile) beside the two streaming libraries a user would pick, fastexcel and
 * Apache POI's SXSSF, on the same rows: the shape of bench/seed-contacts.sql's bench_contact (18
 * columns: a number id, 12 texts, a number score, 2 dates, notes; mostly distinct values),
 * generated in memory, so that only the writers are measured. Each writer gets the rows as the
 * server gives them (a String per value, null for NULL) and writes what ours writes: numbers as
 * numbers, dates as dates with a date style, text as inline strings, quotePrefix on text that
 * starts like a formula (where the library can), texts cut to a cell's 32,767 characters, a bold
 * frozen header row, a new sheet after 1,048,576 rows.
 *
 * <p>Every measurement is a fresh JVM with -Xmx512m (G1, as the server): a warm-up, then the best
 * of 3 rounds, the file's size, the peak heap used (G1 fills the heap before it collects, so this
 * is mostly garbage) and the largest heap still in use after a collection (what the writer holds).
 * Then 5,000,000 rows, once, for each writer: does it finish in 512 MB?
 *
 * <pre>
 *   bench/xlsx-writers.sh [--quick]     (resolves the jars, then runs this file; --quick: 100,000 rows,
 *                                        deflate level 1 only, no 5,000,000-row run)
 * </pre>
 */
public class XlsxWriterBench {

    static final int EXCEL_ROWS = 1_048_576;
    static final int CELL_CHARACTERS = 32_767;
    static final String TRUNCATED = "…[truncated]";

    public static void main(String[] arguments) throws Exception {
        if (arguments.length > 0 && arguments[0].equals("run")) {
            run(arguments[1], Integer.parseInt(arguments[2]), Long.parseLong(arguments[3]),
                    Integer.parseInt(arguments[4]), Long.parseLong(arguments[5]), Path.of(arguments[6]));
            return;
        }
        boolean quick = arguments.length > 0 && arguments[0].equals("--quick");
        table(quick);
    }

    // ---- the table: one child JVM per measurement ----

    record Result(String writer, int level, long rows, double seconds, long bytes, double peakMb, double liveMb,
            String failure) {

        double perSecond() {
            return rows / seconds;
        }
    }

    static void table(boolean quick) throws Exception {
        long rows = quick ? 100_000 : 1_000_000;
        long warmUp = quick ? 20_000 : 100_000;
        long big = quick ? 0 : 5_000_000;
        Path folder = Path.of("target/bench/xlsx-writers");
        Files.createDirectories(folder);
        System.out.printf("XLSX writers, %,d rows of 18 columns (bench_contact's shape, generated in memory), "
                + "each in a fresh JVM with -Xmx512m; %d cores, %s, Java %s%n", rows,
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"));
        List<Result> results = new ArrayList<>();
        // Default levels: ours ships 1; fastexcel's Workbook and POI's zip stream deflate at 6 (Deflater's default).
        List<String[]> configurations = new ArrayList<>(List.of(new String[] {"rows", "0"}, new String[] {"ours", "1"},
                new String[] {"fastexcel", "1"}, new String[] {"sxssf", "1"}));
        if (!quick) { // the deflate level's trade-off of size against time
            configurations.addAll(List.of(new String[] {"ours", "6"}, new String[] {"fastexcel", "6"},
                    new String[] {"sxssf", "6"}));
        }
        for (String[] configuration : configurations) {
            Result result = child(configuration[0], Integer.parseInt(configuration[1]), rows, 3, warmUp, folder);
            results.add(result);
            System.err.println("  " + result);
        }
        List<Result> bigResults = new ArrayList<>();
        if (big > 0) {
            for (String writer : List.of("ours", "fastexcel", "sxssf")) {
                Result result = child(writer, 1, big, 1, 0, folder);
                bigResults.add(result);
                System.err.println("  " + result);
            }
        }
        System.out.println();
        System.out.printf("%-34s %6s %8s %11s %8s %8s %8s  %s%n", "writer", "level", "seconds", "records/s",
                "MB", "heap MB", "live MB", "vs fastest library, same level");
        Map<Integer, Double> fastestLibrary = new LinkedHashMap<>();
        for (Result result : results) {
            if (result.failure() == null && !result.writer().equals("ours") && !result.writer().equals("rows")) {
                fastestLibrary.merge(result.level(), result.perSecond(), Math::max);
            }
        }
        for (Result result : results) {
            if (result.failure() != null) {
                System.out.printf("%-34s %6d  FAILED: %s%n", name(result.writer()), result.level(), result.failure());
                continue;
            }
            boolean feed = result.writer().equals("rows");
            Double fastest = fastestLibrary.get(result.level());
            System.out.printf("%-34s %6s %8.2f %,11.0f %8s %8.0f %8.0f  %s%n", name(result.writer()),
                    feed ? "" : result.level(), result.seconds(), result.perSecond(),
                    feed ? "" : String.format("%.1f", result.bytes() / 1e6), result.peakMb(), result.liveMb(),
                    feed || fastest == null ? "" : String.format("%.2f", result.perSecond() / fastest));
        }
        double bestLibrary = fastestLibrary.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        results.stream().filter(r -> r.writer().equals("ours") && r.level() == 1 && r.failure() == null).findFirst()
                .ifPresent(ours -> System.out.printf("ours as shipped (level 1) vs the fastest library at any level: "
                        + "%.2fx (the issue's rule: keep ours only at >= 1.5x)%n", ours.perSecond() / bestLibrary));
        if (!bigResults.isEmpty()) {
            System.out.println();
            System.out.printf("%-34s %6s %10s %8s %11s %8s %8s %8s%n", "5,000,000 rows, -Xmx512m", "level",
                    "finished", "seconds", "records/s", "MB", "heap MB", "live MB");
            for (Result result : bigResults) {
                if (result.failure() != null) {
                    System.out.printf("%-34s %6d %10s  %s%n", name(result.writer()), result.level(), "NO",
                            result.failure());
                } else {
                    System.out.printf("%-34s %6d %10s %8.2f %,11.0f %8.1f %8.0f %8.0f%n", name(result.writer()),
                            result.level(), "yes", result.seconds(), result.perSecond(), result.bytes() / 1e6,
                            result.peakMb(), result.liveMb());
                }
            }
        }
    }

    static String name(String writer) {
        return switch (writer) {
            case "rows" -> "(generating the rows alone)";
            case "ours" -> "Export Audit XlsxFile";
            case "fastexcel" -> "fastexcel " + version(Workbook.class);
            case "sxssf" -> "Apache POI SXSSF " + version(SXSSFWorkbook.class);
            default -> writer;
        };
    }

    static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        if (version == null) { // fastexcel's manifest has none: its jar's name does
            String jar = type.getProtectionDomain().getCodeSource().getLocation().getPath();
            version = jar.replaceAll(".*-([0-9][^/]*)\\.jar$", "$1");
        }
        return version;
    }

    static String loadAverage() {
        return String.format("load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static Result child(String writer, int level, long rows, int rounds, long warmUp, Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=" + folder.toAbsolutePath(), // SXSSF's temporary sheet files
                "-cp", System.getProperty("java.class.path"), Path.of("bench/XlsxWriterBench.java").toString(),
                "run", writer, Integer.toString(level), Long.toString(rows), Integer.toString(rounds),
                Long.toString(warmUp), folder.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        if (result == null) {
            String why = output.toString().lines().filter(line -> line.contains("OutOfMemoryError")
                    || line.contains("Exception")).findFirst().orElse("exit code " + process.exitValue());
            return new Result(writer, level, rows, 0, 0, 0, 0, why.strip());
        }
        String[] fields = result.split(" ");
        return new Result(writer, level, rows, Double.parseDouble(fields[1]), Long.parseLong(fields[2]),
                Double.parseDouble(fields[3]), Double.parseDouble(fields[4]), null);
    }

    // ---- one measurement, in this JVM ----

    static final AtomicLong liveAfterGc = new AtomicLong();

    static void run(String writer, int level, long rows, int rounds, long warmUp, Path folder) throws Exception {
        watchCollections();
        Path file = folder.resolve(writer + "-" + level + ".xlsx");
        if (warmUp > 0) {
            write(writer, level, warmUp, file);
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        liveAfterGc.set(0);
        double best = Double.MAX_VALUE;
        long bytes = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            write(writer, level, rows, file);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            bytes = Files.size(file);
        }
        Files.deleteIfExists(file);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("RESULT %.3f %d %.1f %.1f%n", best, bytes, peak / 1e6, liveAfterGc.get() / 1e6);
    }

    /** The largest heap in use right after a collection: what the writer holds on to. */
    static void watchCollections() {
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                liveAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    static void write(String writer, int level, long rows, Path file) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) { // as the server
            RecordFile xlsx = switch (writer) {
                case "rows" -> new NoFile();
                case "ours" -> ours(out, level);
                case "fastexcel" -> new FastexcelFile(out, COLUMNS, level);
                case "sxssf" -> new SxssfFile(out, COLUMNS, level);
                default -> throw new IllegalArgumentException(writer);
            };
            for (long g = 1; g <= rows; g++) {
                xlsx.write(row(g));
            }
            xlsx.finish();
        }
    }

    static RecordFile ours(OutputStream out, int level) throws Exception {
        // XlsxFile is the package's own; its constructor with a deflate level is there for this bench.
        Constructor<?> constructor = Class.forName("org.exportaudit.export.encoder.XlsxFile")
                .getDeclaredConstructor(OutputStream.class, List.class, Executor.class, int.class, int.class);
        constructor.setAccessible(true);
        Executor threads = task -> new Thread(task).start();
        return (RecordFile) constructor.newInstance(out, COLUMNS, threads, EXCEL_ROWS, level);
    }

    /** Only the rows: what generating them costs, inside every writer's time. */
    static final class NoFile implements RecordFile {
        long characters;

        @Override
        public void write(String[] row) {
            for (String value : row) {
                characters += value == null ? 0 : value.length();
            }
        }

        @Override
        public void finish() {
            if (characters == 42) {
                System.out.print("");
            }
        }
    }

    // ---- the rows: bench/seed-contacts.sql's bench_contact ----

    static final List<Column> COLUMNS = List.of(
            new Column("id", "Contact ID", Type.NUMBER), new Column("first_name", "First name", Type.TEXT),
            new Column("last_name", "Last name", Type.TEXT), new Column("email", "Email", Type.TEXT),
            new Column("phone", "Phone", Type.TEXT), new Column("mobile", "Mobile", Type.TEXT),
            new Column("job_title", "Job title", Type.TEXT), new Column("company", "Company", Type.TEXT),
            new Column("street", "Street", Type.TEXT), new Column("city", "City", Type.TEXT),
            new Column("postal_code", "Postal code", Type.TEXT), new Column("country", "Country", Type.TEXT),
            new Column("lifecycle_stage", "Lifecycle stage", Type.TEXT),
            new Column("lead_score", "Lead score", Type.NUMBER), new Column("owner", "Contact owner", Type.TEXT),
            new Column("created_on", "Created on", Type.DATE),
            new Column("last_contacted_on", "Last contacted on", Type.DATE), new Column("notes", "Notes", Type.TEXT));

    static final String[] FIRST = {"Zoë", "José", "Siobhán", "Łukasz", "Anaïs", "Jürgen", "Søren", "Chloé", "Mei", "Ahmed"};
    static final String[] LAST = {"Ångström", "Müller", "García", "O'Brien", "Nowak", "Dubois", "Smith", "Núñez", "Rossi",
            "Tanaka", "Nguyễn"};
    static final String[] JOB = {"Head of Sales", "CFO", "Account Executive", "VP, Operations", "-VP-", "Engineer"};
    static final String[] CITY = {"Vienna", "Zürich", "München", "København", "Kraków", "Lyon", "Dublin", "São Paulo"};
    static final String[] COUNTRY = {"Austria", "Switzerland", "Germany", "Denmark", "Poland", "France", "Ireland",
            "Brazil"};
    static final String[] STAGE = {"lead", "customer", "opportunity", "subscriber"};
    static final String[] OWNER = {"bob", "erin", "@sales"};
    static final String[] NOTES = {"Asked for \"enterprise\" pricing, call back", "Line one\nLine two",
            "=HYPERLINK(\"http://evil.example\")", null, null, null};

    /** Row g of bench_contact, each value a new String as a JDBC driver hands it over. */
    static String[] row(long g) {
        int i = (int) (g % 100_000);
        return new String[] {Long.toString(g), FIRST[(int) (g % 10)], LAST[(int) (g % 11)],
                "contact" + g + "@example.com", "+43 1 " + (1_000_000 + g % 8_999_999),
                g % 4 == 0 ? null : "+44 7700 " + (100_000 + g % 899_999), JOB[(int) (g % 6)],
                "Company " + g % 5000 + ", Inc.", g % 200 + " Hauptstraße", CITY[(int) (g % 8)],
                postalCode(i), COUNTRY[(int) (g % 8)], STAGE[(int) (g % 4)], Long.toString(g % 101),
                OWNER[(int) (g % 3)], LocalDate.of(2020, 1, 1).plusDays(g % 1800).toString(),
                g % 5 == 0 ? null : LocalDate.of(2021, 1, 1).plusDays(g % 1500).toString(), NOTES[(int) (g % 6)]};
    }

    /** lpad(i, 5, '0'). */
    static String postalCode(int i) {
        String digits = Integer.toString(i);
        return "00000".substring(digits.length()) + digits;
    }

    // ---- the libraries, writing what ours writes ----

    /** A plain number that a double holds (simplified: ours also counts significant digits). */
    static boolean isNumber(String value) {
        int i = value.charAt(0) == '-' ? 1 : 0;
        if (i == value.length()) {
            return false;
        }
        boolean point = false;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return value.length() <= 15;
    }

    static LocalDate date(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value) : null;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    static String cut(String value) {
        if (value.length() <= CELL_CHARACTERS) {
            return value;
        }
        int end = CELL_CHARACTERS - TRUNCATED.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + TRUNCATED;
    }

    /**
     * fastexcel: inline strings (its value(String) would fill a shared-strings table), a style per
     * date cell, the rows flushed every 1,000. It has no quotePrefix: formula-like text is written
     * plain (still never evaluated: it is an inline string).
     */
    static final class FastexcelFile implements RecordFile {
        private final Workbook workbook;
        private final List<Column> columns;
        private Worksheet sheet;
        private int sheets;
        private int row;

        FastexcelFile(OutputStream out, List<Column> columns, int level) {
            this.workbook = new Workbook(out, "Export Audit", "1.0");
            workbook.setCompressionLevel(level);
            this.columns = columns;
            startSheet();
        }

        private void startSheet() {
            sheets++;
            sheet = workbook.newWorksheet(sheets == 1 ? "Export" : "Export " + sheets);
            sheet.freezePane(0, 1);
            for (int c = 0; c < columns.size(); c++) {
                String label = columns.get(c).label();
                if (!label.isEmpty()) {
                    sheet.inlineString(0, c, label);
                    sheet.style(0, c).bold().set();
                }
                if (columns.get(c).type() == Type.DATE) {
                    sheet.width(c, 11);
                }
            }
            row = 1;
        }

        @Override
        public void write(String[] values) throws IOException {
            if (row == EXCEL_ROWS) {
                sheet.finish();
                startSheet();
            }
            for (int c = 0; c < values.length; c++) {
                String value = values[c];
                if (value == null || value.isEmpty()) {
                    continue;
                }
                switch (columns.get(c).type()) {
                    case NUMBER -> {
                        if (isNumber(value)) {
                            sheet.value(row, c, Double.parseDouble(value));
                        } else {
                            sheet.inlineString(row, c, cut(value));
                        }
                    }
                    case DATE, TIMESTAMP -> {
                        LocalDate day = date(value);
                        if (day != null) {
                            sheet.value(row, c, day);
                            sheet.style(row, c).format("yyyy-mm-dd").set();
                        } else {
                            sheet.inlineString(row, c, cut(value));
                        }
                    }
                    default -> sheet.inlineString(row, c, cut(value));
                }
            }
            row++;
            if (row % 1000 == 0) {
                sheet.flush(); // fastexcel keeps a sheet's rows in memory until flushed
            }
        }

        @Override
        public void finish() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }

    /** POI SXSSF: inline strings (its default), 100 rows in memory, the sheets in temporary files until written. */
    static final class SxssfFile implements RecordFile {
        private final OutputStream out;
        private final SXSSFWorkbook workbook;
        private final List<Column> columns;
        private final CellStyle heading;
        private final CellStyle headingAsText;
        private final CellStyle asText;
        private final CellStyle day;
        private Sheet sheet;
        private int sheets;
        private int row;

        SxssfFile(OutputStream out, List<Column> columns, int level) {
            this.out = out;
            this.columns = columns;
            this.workbook = new SXSSFWorkbook(null, 100, false, false) {
                @Override
                protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
                    ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
                    zip.setLevel(level);
                    return zip;
                }
            };
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            headingAsText = workbook.createCellStyle();
            headingAsText.setFont(bold);
            headingAsText.setQuotePrefixed(true);
            asText = workbook.createCellStyle();
            asText.setQuotePrefixed(true);
            day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            startSheet();
        }

        private void startSheet() {
            sheets++;
            sheet = workbook.createSheet(sheets == 1 ? "Export" : "Export " + sheets);
            sheet.createFreezePane(0, 1);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                String label = columns.get(c).label();
                if (!label.isEmpty()) {
                    text(header.createCell(c), label, heading, headingAsText);
                }
                if (columns.get(c).type() == Type.DATE) {
                    sheet.setColumnWidth(c, 11 * 256);
                }
            }
            row = 1;
        }

        private static void text(Cell cell, String value, CellStyle style, CellStyle asText) {
            cell.setCellValue(cut(value));
            CellStyle cellStyle = SpreadsheetFormulas.startsLikeAFormula(value) ? asText : style;
            if (cellStyle != null) {
                cell.setCellStyle(cellStyle);
            }
        }

        @Override
        public void write(String[] values) {
            if (row == EXCEL_ROWS) {
                startSheet();
            }
            Row cells = sheet.createRow(row++);
            for (int c = 0; c < values.length; c++) {
                String value = values[c];
                if (value == null || value.isEmpty()) {
                    continue;
                }
                Cell cell = cells.createCell(c);
                switch (columns.get(c).type()) {
                    case NUMBER -> {
                        if (isNumber(value)) {
                            cell.setCellValue(Double.parseDouble(value));
                        } else {
                            text(cell, value, null, asText);
                        }
                    }
                    case DATE, TIMESTAMP -> {
                        LocalDate date = date(value);
                        if (date != null) {
                            cell.setCellValue(date);
                            cell.setCellStyle(day);
                        } else {
                            text(cell, value, null, asText);
                        }
                    }
                    default -> text(cell, value, null, asText);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.write(out);
            workbook.close(); // deletes the temporary files
            out.flush();
        }
    }
}
