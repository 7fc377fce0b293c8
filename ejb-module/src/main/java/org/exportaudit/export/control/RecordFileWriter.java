package org.exportaudit.export.control;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.exportaudit.export.encoder.RecordFile;
import org.exportaudit.export.entity.Export;

/**
 * Writes the rows into the export's partial file through one buffered stream, open from the
 * first chunk to the last, and computes the file's SHA-256 on the way. At each checkpoint it
 * records the progress.
 */
@Named
@Dependent // a bean-defining scope, so that JBeret finds the artifact by its name
public class RecordFileWriter extends AbstractItemWriter {

    @Inject
    CurrentExport running;

    @Inject
    ExportUpdates progress;

    @Inject
    SourceCatalog catalog;

    @Inject
    ExportFolder files;

    /** Threads of its own, as for the reader's feed (see SourceReader). */
    @Resource
    ManagedThreadFactory threads;

    private long id;
    private PartialFile out;
    private RecordFile file;
    private long written;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        id = running.id();
        Export export = progress.export(id);
        out = files.openPartial(id);
        file = RecordFile.open(export.format(), out.stream(), catalog.named(export.source()).columns(),
                task -> threads.newThread(task).start());
    }

    @Override
    public void writeItems(List<Object> batches) throws Exception {
        for (Object batch : batches) {
            for (Object record : (Object[]) batch) {
                if (record instanceof byte[] line) {
                    file.writeCsvLine(line);
                } else {
                    file.write((String[]) record);
                }
            }
            written += ((Object[]) batch).length;
        }
        progress.progressed(id, written);
    }

    @Override
    public void close() throws Exception {
        if (out == null) {
            return;
        }
        try (PartialFile closing = out) {
            StepHandover run = running.run();
            if (!run.isAllRead()) {
                if (file != null) {
                    file.abandon();
                }
            } else {
                file.finish();
                closing.stream().flush();
                run.written(closing.size(), closing.sha256());
            }
        }
    }
}
