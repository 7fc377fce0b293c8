package org.exportaudit.export.control;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.exportaudit.client.ExportRefused;
import org.exportaudit.export.entity.Column;
import org.exportaudit.export.entity.Source;
import org.exportaudit.platform.Settings;

/**
 * The sources that can be exported, declared as data: the file named by the system property
 * {@code export-audit.sources}, or else the demo sources bundled as {@code export-sources.json}.
 * A declaration that cannot be read stops the deployment with what is wrong, rather than failing
 * later, one export at a time.
 */
@ApplicationScoped
public class SourceCatalog {

    @Inject
    Settings settings;

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private Map<String, Source> sources;

    @PostConstruct
    void load() {
        Path file = settings.get(Settings.SOURCES).orElse(null);
        try (Reader declarations = file != null
                ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
                : bundled()) {
            sources = read(declarations);
        } catch (IOException | JsonException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the export sources from "
                    + (file != null ? file : "export-sources.json") + ": " + e.getMessage(), e);
        }
    }

    public List<Source> all() {
        return List.copyOf(sources.values());
    }

    /** @throws ExportRefused when no source has that key */
    public Source named(String key) {
        Source source = key == null ? null : sources.get(key);
        if (source == null) {
            throw new ExportRefused("unknown-source", "source.unknown", key,
                    String.join(", ", sources.keySet()));
        }
        return source;
    }

    public boolean isDeclared(String key) {
        return sources.containsKey(key);
    }

    /** A source's label for people; the key itself for a source no longer declared. */
    public String labelOf(String key) {
        Source source = sources.get(key);
        return source == null ? key : source.label();
    }

    /** A source's label in {@code language} ({@link Source#labelIn}); the key for a source no longer declared. */
    public String labelOf(String key, Locale language) {
        Source source = sources.get(key);
        return source == null ? key : source.labelIn(language);
    }

    /**
     * Reads declarations: {@code {"sources": [{key, label, labels, datasource, sql, orderBy, columns: [{name,
     * label, labels, type}]}]}}, a column's type being text (the default), number, date or timestamp,
     * {@code labels} the optional labels in other languages ({@code {"sv": "Kontakter"}}), and
     * {@code orderBy} one or more declared columns, comma separated, that together identify a record
     * and are never null (the index pages read a page after the last row of another by them).
     */
    static Map<String, Source> read(Reader declarations) {
        JsonObject json;
        try (var reader = JSON.createReader(declarations)) {
            json = reader.readObject();
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        for (JsonValue value : json.getJsonArray("sources")) {
            Source source = source(value.asJsonObject());
            if (sources.put(source.key(), source) != null) {
                throw new IllegalArgumentException("the source " + source.key() + " is declared twice");
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no source is declared");
        }
        return sources;
    }

    private static Source source(JsonObject declaration) {
        String key = required(declaration, "key");
        List<Column> columns = new ArrayList<>();
        for (JsonValue value : declaration.getJsonArray("columns")) {
            JsonObject column = value.asJsonObject();
            String name = identifier(key, required(column, "name"));
            columns.add(new Column(name, column.getString("label", name), type(key, name, column),
                    labels(key + "'s column " + name, column)));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the source " + key + " declares no column");
        }
        Source source = new Source(key, required(declaration, "label"), required(declaration, "datasource"),
                required(declaration, "sql"), required(declaration, "orderBy"), columns, labels(key, declaration));
        List<String> order = source.orderColumns();
        for (String column : order) {
            if (!source.declares(identifier(key, column))) {
                throw new IllegalArgumentException("the source " + key + " is ordered by '" + column
                        + "', which is not one of its columns");
            }
        }
        if (order.stream().distinct().count() < order.size()) {
            throw new IllegalArgumentException("the source " + key + " names a column twice in its orderBy '"
                    + source.orderBy() + "'");
        }
        return source;
    }

    /** A column's {@code type}: text unless declared otherwise. */
    private static Column.Type type(String source, String name, JsonObject column) {
        if (column.containsKey("numeric")) {
            // The old boolean: refused rather than ignored, or its numbers would quietly become text.
            throw new IllegalArgumentException("the source " + source + " declares the column '" + name
                    + "' with \"numeric\": declare \"type\": \"number\" (or text, date, timestamp) instead");
        }
        try {
            return Column.Type.named(column.getString("type", "text"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the source " + source + " declares the column '" + name + "' with an "
                    + e.getMessage(), e);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("the source " + source + " declares the column '" + name
                    + "' with a type that is not a string", e);
        }
    }

    /** A declaration's labels in other languages: {@code "labels": {"sv": "Kontakter"}}, none when absent. */
    private static Map<String, String> labels(String declared, JsonObject declaration) {
        if (!declaration.containsKey("labels")) {
            return Map.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        try {
            declaration.getJsonObject("labels").forEach((language, label) -> {
                if (!LANGUAGE.matcher(language).matches()) {
                    throw new IllegalArgumentException("the labels of " + declared + " name the language '" + language
                            + "': a language is its two- or three-letter code, such as sv");
                }
                String text = ((JsonString) label).getString();
                if (text.isBlank()) {
                    throw new IllegalArgumentException("the labels of " + declared + " leave " + language + " blank");
                }
                labels.put(language, text);
            });
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("the labels of " + declared
                    + " are an object of strings, such as {\"sv\": \"Kontakter\"}", e);
        }
        return labels;
    }

    private static String identifier(String source, String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("the source " + source + " declares the column '" + name
                    + "': column names are lower-case letters, digits and underscores");
        }
        return name;
    }

    private static String required(JsonObject declaration, String field) {
        if (!declaration.containsKey(field) || declaration.isNull(field) || declaration.getString(field).isBlank()) {
            throw new IllegalArgumentException("a source declaration lacks '" + field + "': " + declaration);
        }
        return declaration.getString(field);
    }

    private static Reader bundled() {
        InputStream in = SourceCatalog.class.getClassLoader().getResourceAsStream("export-sources.json");
        if (in == null) {
            throw new UncheckedIOException(new IOException("export-sources.json is missing"));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
