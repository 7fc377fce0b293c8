package org.exportaudit.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.exportaudit.export.boundary.Exports;
import org.exportaudit.export.entity.Source;

/** Sources as people call them: the log and the bell show "Contacts", not the key {@code contacts}. */
@Named
@RequestScoped
public class SourceLabels {

    @Inject
    Exports exports;

    @Inject
    Language language;

    private List<Source> sources;
    private Map<String, String> labels;

    /** The declared sources, in their declared order: the pages' menu. Read once per request. */
    public List<Source> getSources() {
        if (sources == null) {
            sources = exports.sources();
        }
        return sources;
    }

    /** The declared source's label in the viewer's language; the key itself for a source no longer declared. */
    public String labelOf(String key) {
        if (labels == null) {
            labels = getSources().stream()
                    .collect(Collectors.toMap(Source::key, source -> source.labelIn(language.getLocale())));
        }
        return key == null ? "" : labels.getOrDefault(key, key);
    }
}
