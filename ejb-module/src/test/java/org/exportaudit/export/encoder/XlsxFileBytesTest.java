package org.exportaudit.export.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.exportaudit.export.control.XlsxFileCsvLineTest;
import org.junit.jupiter.api.Test;

/**
 * An export taken over by another node is written again from the start, perhaps by another version
 * of the application during an upgrade, and must end with the SHA-256 of an uninterrupted run: the
 * same rows make the same workbook in every version until a change means to alter it. The parts are
 * pinned as they are before compression (the deflated bytes also depend on the zlib the JDK uses),
 * as written when the writer was split into XlsxFile, SheetXml and XlsxPackage, from both inputs.
 */
class XlsxFileBytesTest {

    /** The parts of the workbook below, their names and XML in order, written before the split. */
    static final String PARTS_SHA_256 = "d21c153723e7886279c7f1238fab15f5597faa61ac720794f1e4d955f4bac9d8";

    @Test
    void the_same_rows_make_the_same_parts_as_before_from_text_values_and_from_copy_lines() throws IOException {
        assertEquals(PARTS_SHA_256, partsSha256(false));
        assertEquals(PARTS_SHA_256, partsSha256(true));
    }

    /** The hostile rows and rows of every kind of cell, on sheets of 50 rows. */
    static String partsSha256(boolean copyLines) throws IOException {
        List<String[]> rows = new ArrayList<>(List.of(ExportedFilesReadBackTest.hostileRows()));
        for (int g = 1; g <= 120; g++) {
            rows.add(new String[] {"Zoë " + g + (g % 3 == 0 ? " _x0041_ & <b>\r\n" : ""),
                    g % 4 == 0 ? g + ".250" : g % 5 == 0 ? "-" + g + "e3" : Long.toString(g * 7919L),
                    LocalDate.of(1900, 1, 1).plusDays(g * 331L).toString(),
                    LocalDate.of(2024, 3, 1).plusDays(g) + (g % 2 == 0 ? " 12:34:56.789+02" : "T23:59:59Z"),
                    g % 6 == 0 ? null : g % 7 == 0 ? "" : " spaced \u0001\uFFFE ", g % 9 == 0 ? "=SUM(A1)" : "王"});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxFile file = new XlsxFile(out, ExportedFilesReadBackTest.COLUMNS, task -> new Thread(task).start(), 50);
        for (String[] row : rows) {
            if (copyLines) {
                file.writeCsvLine(XlsxFileCsvLineTest.copyLine(row));
            } else {
                file.write(row);
            }
        }
        file.finish();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                sha.update((entry.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                sha.update(zip.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
