package org.exportaudit.client;

import java.io.Serializable;
import java.util.List;

/** A page of a source's records as its index page shows them: the rows' values as text, and the total. */
public record RecordPage(List<List<String>> rows, long total) implements Serializable {

    public RecordPage {
        rows = List.copyOf(rows);
    }
}
