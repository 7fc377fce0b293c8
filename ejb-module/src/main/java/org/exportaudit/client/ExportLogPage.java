package org.exportaudit.client;

import java.io.Serializable;
import java.util.List;

/** A page of the export log and the cursor of the next one, null on the last page. */
public record ExportLogPage(List<ExportView> items, String next) implements Serializable {

    public ExportLogPage {
        items = List.copyOf(items);
    }
}
