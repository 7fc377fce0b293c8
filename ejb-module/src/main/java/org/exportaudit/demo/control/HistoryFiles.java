package org.exportaudit.demo.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.exportaudit.export.control.FileAtOnce;
import org.exportaudit.export.entity.DownloadWindow;
import org.exportaudit.export.entity.Export;
import org.exportaudit.export.entity.ExportFormat;

/**
 * The files of the history's completed exports. Within the download window a file is real, so that
 * its name downloads: written once per source, filters and format, and copied for the others, so
 * that the first start stays short. Older files were purged, and were never written.
 */
final class HistoryFiles {

    /** What a record of each source takes in the job's CSV file, about; its XLSX file takes half of it. */
    private static final Map<String, Integer> ROW_BYTES = Map.of("contacts", 200, "companies", 96, "deals", 122);

    /** The size and SHA-256 hash an export completes with. */
    record Filed(long size, String sha256) {
    }

    private final FileAtOnce files;
    private final DownloadWindow window;
    private final Instant now;
    private final Map<String, Export> firstFile = new HashMap<>();
    private final Map<Long, FileAtOnce.Written> filed = new HashMap<>();

    HistoryFiles(FileAtOnce files, DownloadWindow window, Instant now) {
        this.files = files;
        this.window = window;
        this.now = now;
    }

    /**
     * The file of {@code export}, completed {@code at} with {@code count} records: within the window,
     * written of {@code rows} (or copied from the first of the same file); older, as it was.
     */
    Filed completed(Export export, long count, List<String[]> rows, Instant at) {
        if (window.isOpen(at, now)) {
            Export same = firstFile.get(file(export));
            FileAtOnce.Written file = same == null ? files.write(export, rows)
                    : files.copy(export, same, filed.get(same.id()));
            firstFile.putIfAbsent(file(export), export);
            filed.put(export.id(), file);
            return new Filed(file.size(), file.sha256());
        }
        // Purged weeks ago: never written here (a file of 100,000 contacts would cost the first start
        // seconds), so its size is a file's of that many rows, and its hash one of its id and count.
        long size = count * ROW_BYTES.getOrDefault(export.source(), 150)
                / (export.format() == ExportFormat.XLSX ? 2 : 1);
        return new Filed(size, sha256(export.id() + "|" + export.fileName() + "|" + count));
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What makes two exports' files the same: source, filters and format. */
    private static String file(Export export) {
        return export.source() + export.filters() + export.format();
    }
}
