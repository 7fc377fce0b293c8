package org.exportaudit.web.pages;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.client.ExportRequest;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.boundary.SourceRecords;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Source;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A source's index page (Contacts, Companies, Deals): its records a page at a time, and the
 * Export dialog — format and file name, with a default such as {@code contacts-2026-11-25}.
 */
@Named
@ViewScoped
public class SourceIndex implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Exports exports;

    @Inject
    SourceRecords records;

    private String key;
    private Source source;
    private String format = "CSV";
    private String fileName;
    private String refusal;
    private final LazyDataModel<List<String>> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, records.count(key));
        }

        @Override
        public List<List<String>> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return records.page(key, first, pageSize);
        }
    };

    /** Reads the page's {@code source} parameter; an unknown one shows the export log instead. */
    public void open() throws IOException {
        try {
            source = exports.sources().stream().filter(declared -> declared.key().equals(key)).findFirst()
                    .orElseThrow(() -> new ExportRefused("unknown-source", key));
        } catch (ExportRefused unknown) {
            FacesContext.getCurrentInstance().getExternalContext().redirect("exports.xhtml");
            return;
        }
        fileName = exports.defaultFileName(source.key());
    }

    /** Starts the export and shows it in the log; a refused request says why in the dialog. */
    public String export() {
        try {
            exports.start(new ExportRequest(key, format, fileName, Map.of()));
            return "/exports.xhtml?faces-redirect=true";
        } catch (ExportRefused refused) {
            refusal = refused.getMessage();
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
    }

    public List<Column> getColumns() {
        return source == null ? List.of() : source.columns();
    }

    public LazyDataModel<List<String>> getRows() {
        return rows;
    }

    public Source getSource() {
        return source;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getRefusal() {
        return refusal;
    }
}
