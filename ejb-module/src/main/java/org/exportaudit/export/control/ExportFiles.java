package org.exportaudit.export.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportFormat;

/**
 * The export folder. A file is written under a temporary name and moved into place only when its
 * export completed, so a half-written file can never be downloaded. Files are named by the export's
 * id, never by the name a user typed: that name only travels in the download's headers.
 */
@ApplicationScoped
public class ExportFiles {

    /** System property naming the folder; by default a folder in the server's data directory. */
    static final String FOLDER = "export-audit.export-dir";

    private Path folder;

    @PostConstruct
    void createFolder() {
        String configured = System.getProperty(FOLDER);
        folder = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("jboss.server.data.dir", "."), "export-audit", "exports");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the export folder " + folder, e);
        }
    }

    /** Where an export is written while it runs. */
    public Path partial(long exportId) {
        return folder.resolve(exportId + ".part");
    }

    /** Where a completed export's file lives. */
    public Path completed(long exportId, ExportFormat format) {
        return folder.resolve(exportId + "." + format.extension());
    }

    /** Moves a finished file into place in one step: readers see all of it or nothing. */
    public void publish(long exportId, ExportFormat format) throws IOException {
        Files.move(partial(exportId), completed(exportId, format), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes whatever an export left: its partial file and, if any, its completed one. */
    public void discard(long exportId, ExportFormat format) {
        try {
            Files.deleteIfExists(partial(exportId));
            Files.deleteIfExists(completed(exportId, format));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the files of export " + exportId, e);
        }
    }

    /** A purged export's file goes once the purge committed; a rolled back purge keeps it. */
    void deletePurged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportEvents.Purged purged) {
        discard(purged.exportId(), purged.format());
    }
}
