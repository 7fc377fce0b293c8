package org.exportaudit.web.pages;

import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exportaudit.client.ExportLogPage;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.ExportView;
import org.exportaudit.export.boundary.Exports;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The export log as PrimeFaces pages it, read a page at a time by the log's cursor: page n+1
 * starts where page n ended, so no offset ever makes the database skip rows. The row count is
 * what is known so far, plus one page while there is more: the paginator grows as you go.
 */
class ExportLogLazyModel extends LazyDataModel<ExportView> {

    private static final long serialVersionUID = 1L;

    private final ExportLogQuery filters;
    private final List<String> cursors = new ArrayList<>(); // the cursor that starts each page; null for the first
    private int knownRows = -1;
    private transient List<ExportView> firstPage; // read by count() before PrimeFaces asks load() for it

    ExportLogLazyModel(ExportLogQuery filters) {
        this.filters = filters;
        cursors.add(null);
    }

    /** The filters these pages apply. */
    ExportLogQuery filters() {
        return filters;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (knownRows < 0) {
            firstPage = load(0, filters.limit(), Map.of(), Map.of());
        }
        return knownRows;
    }

    @Override
    public List<ExportView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (first == 0 && firstPage != null) {
            List<ExportView> read = firstPage;
            firstPage = null;
            return read;
        }
        int page = first / pageSize;
        Exports exports = CDI.current().select(Exports.class).get(); // the page model outlives requests
        ExportLogPage found = null;
        for (int known = Math.min(page, cursors.size() - 1); known <= page; known++) {
            found = exports.log(filters.after(cursors.get(known)));
            if (found.next() == null) {
                page = known;
                break;
            }
            if (cursors.size() == known + 1) {
                cursors.add(found.next());
            }
        }
        int rowsBefore = page * pageSize;
        knownRows = Math.max(knownRows, rowsBefore + found.items().size() + (found.next() == null ? 0 : pageSize));
        setRowCount(knownRows);
        return found.items();
    }

    @Override
    public String getRowKey(ExportView export) {
        return Long.toString(export.id());
    }
}
