package org.exportaudit.export.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.exportaudit.export.entity.ExportEvents;
import org.exportaudit.export.entity.ExportFormat;
import org.exportaudit.platform.NodeName;
import org.exportaudit.platform.Settings;

/**
 * The export folder. A file is written under a temporary name and moved into place only when its
 * export completed, so a half-written file can never be downloaded. Files are named by the export's
 * id, never by the name a user typed: that name only travels in the download's headers.
 * <p>
 * In a cluster the folder is shared storage that every node sees. A partial file carries the name
 * of the node that writes it ({@code 12.node-1.part}): a node that lost an export it still writes
 * (it hung past its lease) and the node that took it over never write into the same file.
 */
@ApplicationScoped
public class ExportFolder {

    /** Names the folder ({@code export-audit.export-dir}); by default a folder in the server's data directory. */
    @Inject
    Settings settings;

    @Inject
    NodeName node;

    private Path folder;

    @PostConstruct
    void createFolder() {
        folder = settings.get(Settings.EXPORT_DIR)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", "."), "export-audit", "exports"));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the export folder " + folder, e);
        }
    }

    /** Where this node writes an export while it runs it. */
    public Path partial(long exportId) {
        return folder.resolve(exportId + "." + node.inFileName() + ".part");
    }

    /** This node's partial file of an export, created anew (or emptied), to be written. */
    public PartialFile openPartial(long exportId) throws IOException {
        return new PartialFile(partial(exportId));
    }

    /** The partial files of an export, whichever node wrote them (and one of before nodes, {@code 12.part}). */
    List<Path> partials(long exportId) {
        String prefix = exportId + ".";
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".part");
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the export folder " + folder, e);
        }
    }

    /** Where a completed export's file lives. */
    public Path completed(long exportId, ExportFormat format) {
        return folder.resolve(exportId + "." + format.extension());
    }

    /**
     * Moves this node's finished file into place in one step: readers see all of it or nothing.
     * What a lost node left of the export goes.
     */
    public void publish(long exportId, ExportFormat format) throws IOException {
        Files.move(partial(exportId), completed(exportId, format), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        delete(exportId, partials(exportId));
    }

    /** Removes whatever an export left: the partial files of every node and, if any, its completed file. */
    public void discard(long exportId, ExportFormat format) {
        delete(exportId, partials(exportId));
        delete(exportId, List.of(completed(exportId, format)));
    }

    /** Removes only what this node wrote of an export that another node now runs. */
    public void discardOwnPartial(long exportId) {
        delete(exportId, List.of(partial(exportId)));
    }

    private static void delete(long exportId, List<Path> files) {
        try {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the files of export " + exportId, e);
        }
    }

    /** A purged export's file goes once the purge committed; a rolled back purge keeps it. */
    void deletePurged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportEvents.Purged purged) {
        discard(purged.exportId(), purged.format());
    }
}
