package org.exportaudit.export.control;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/** An export's filters as they are stored with it: a small JSON object of column → value. */
@ApplicationScoped
public class ExportFilters {

    public String format(Map<String, String> filters) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        new TreeMap<>(filters).forEach(json::add);
        return json.build().toString();
    }

    public Map<String, String> parse(String stored) {
        try (var reader = JSON.createReader(new StringReader(stored))) {
            JsonObject json = reader.readObject();
            Map<String, String> filters = new TreeMap<>();
            json.forEach((column, value) -> filters.put(column, ((JsonString) value).getString()));
            return filters;
        }
    }
}
